import { useQuery } from '@tanstack/react-query';
import { useDirectoryList } from '../api/use-directory-list';
import { useSession } from '../session-context';
import type { TargetDraft, TargetType } from './policy-draft';

interface Named {
  id: string;
  name: string;
}

/** What a step can page, by type, with names; and who a target would page right now. */
export function useTargets() {
  const { api, people } = useSession();
  const schedules = useDirectoryList<Named>('schedules');
  const teams = useDirectoryList<Named>('teams');
  const onCall = useQuery({ queryKey: ['on-call'], queryFn: async () => (await api.onCallNow()).items });

  const options: Record<TargetType, Named[]> = {
    user: [...people].map(([id, name]) => ({ id, name })),
    schedule: schedules.data ?? [],
    team: teams.data ?? [],
  };

  /** "Who would be paged now" for one target, from the on-call view the API answers. */
  const pagedNow = (target: TargetDraft): string => {
    if (!target.id) return '';
    if (target.type === 'user') return people.get(target.id) ?? 'this person';
    if (target.type === 'team')
      return `${options.team.find((team) => team.id === target.id)?.name ?? 'the team'} (its on-call, else every member)`;
    const entry = onCall.data?.find((candidate) => candidate.scheduleId === target.id);
    if (!entry) return onCall.isPending ? '…' : 'unknown';
    return entry.onCall?.name ?? 'nobody: a gap in this schedule';
  };

  return { options, pagedNow };
}
