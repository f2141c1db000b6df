import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiProblem, problemOf, withApiProblem } from '../api/problem';
import { canConfigure } from '../auth/permissions';
import { ProblemMessage } from '../components/ProblemMessage';
import { formatDateTime } from '../format/time';
import { useOrgDirectory } from '../routing/use-org-directory';
import { useSession } from '../session-context';
import { DAY_NAMES } from '../format/labels';
import { NewWindow } from './NewWindowForm';

interface WindowView {
  id: string;
  name: string;
  window:
    | {
        scope: { serviceId: string } | { clientId: string };
        kind: 'one-off';
        startsAt: string;
        endsAt: string;
      }
    | {
        scope: { serviceId: string } | { clientId: string };
        kind: 'weekly';
        timeZone: string;
        days: number[];
        start: string;
        end: string;
      };
}

/** Maintenance windows: alerts inside are recorded and visible, paging no one. */
export default function MaintenancePage() {
  const { api, role, timeZone } = useSession();
  const editable = canConfigure(role);
  const queryClient = useQueryClient();
  const directory = useOrgDirectory();
  const windows = useQuery({
    queryKey: ['maintenance-windows'],
    queryFn: () => api.client.get<{ items: WindowView[] }>('/api/v1/maintenance-windows'),
  });
  const remove = useMutation<unknown, ApiProblem, string>({
    mutationFn: (windowId) =>
      withApiProblem(() => api.client.delete(`/api/v1/maintenance-windows/${encodeURIComponent(windowId)}`)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['maintenance-windows'] }),
  });
  const scopeName = ({ window }: WindowView) =>
    'serviceId' in window.scope
      ? `Service ${directory.serviceName(window.scope.serviceId)}`
      : `Client ${directory.clientName(window.scope.clientId)}`;
  const when = ({ window }: WindowView) =>
    window.kind === 'one-off'
      ? `${formatDateTime(window.startsAt, timeZone)} – ${formatDateTime(window.endsAt, timeZone)}`
      : `Every ${window.days.map((day) => DAY_NAMES[day - 1]).join(', ')} ${window.start}–${window.end} (${window.timeZone})`;

  return (
    <main className="page stacked">
      <div className="page-head">
        <h1>Maintenance windows</h1>
      </div>
      <p className="muted">Alerts inside a window are recorded and visible, paging no one.</p>
      {editable && <NewWindow />}
      <section className="card" aria-labelledby="windows-heading">
        <h2 id="windows-heading">Windows</h2>
        {windows.isPending && <p className="empty">Loading…</p>}
        <ProblemMessage problem={windows.error ? problemOf(windows.error) : remove.error} />
        {windows.data?.items.length === 0 && <p className="empty">No maintenance windows.</p>}
        {windows.data && windows.data.items.length > 0 && (
          <ul className="rule-list" aria-label="Maintenance windows">
            {windows.data.items.map((item) => (
              <li key={item.id}>
                <span>
                  <strong>{item.name}</strong> · {scopeName(item)} · {when(item)}
                </span>
                {editable && (
                  <button
                    type="button"
                    disabled={remove.isPending}
                    aria-label={`Remove ${item.name}`}
                    onClick={() => remove.mutate(item.id)}
                  >
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
