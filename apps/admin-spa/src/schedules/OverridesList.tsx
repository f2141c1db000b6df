import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiProblem } from '../api/problem';
import { withApiProblem } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { browserTimeZone } from '../format/time';
import { useSession } from '../session-context';
import type { OverrideView, ScheduleView } from './schedule-draft';
import { shortWhen } from './when';

interface Props {
  schedule: ScheduleView;
  overrides: OverrideView[] | undefined;
  loading: boolean;
  problem: ApiProblem | null;
  mayRemove: (override: OverrideView) => boolean;
}

/** The week's overrides, each removable by whoever may (an override under way is ended now). */
export function OverridesList({ schedule, overrides, loading, problem, mayRemove }: Props) {
  const { api, people, me, timeZone: profileZone } = useSession();
  const zone = profileZone ?? browserTimeZone();
  const queryClient = useQueryClient();
  const remove = useMutation<unknown, ApiProblem, string>({
    mutationFn: (overrideId) =>
      withApiProblem(() => api.client.delete(`/api/v1/schedules/${schedule.id}/overrides/${overrideId}`)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['schedule', schedule.id] }),
  });
  const nameOf = (userId: string) => people.get(userId) ?? (userId === me.id ? me.name : 'Unknown person');
  return (
    <div className="overrides">
      <h3>Overrides this week</h3>
      {loading && <p className="empty">Loading…</p>}
      <ProblemMessage problem={problem ?? remove.error} />
      {overrides?.length === 0 && <p className="muted">No overrides this week.</p>}
      {overrides && overrides.length > 0 && (
        <ul className="override-list" aria-label="Overrides">
          {overrides.map((override) => (
            <li key={override.id}>
              <strong>{nameOf(override.userId)}</strong> {shortWhen(override.start, zone)} –{' '}
              {shortWhen(override.end, zone)}
              {override.reason && <span className="muted"> · {override.reason}</span>}
              {mayRemove(override) && (
                <button
                  type="button"
                  aria-label={`Remove override of ${nameOf(override.userId)} from ${shortWhen(override.start, zone)}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(override.id)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
