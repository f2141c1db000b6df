import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { IncidentFilters, StatusFilter } from '../api/endpoints';
import type { IncidentPage, IncidentSummary } from '../api/types';
import { keepNewer, MAX_RETRIES, RELOAD_DELAY_MS, rememberChange, unseenChanges } from '../live/freshness';
import type { IncidentChange } from '../live/incident-events';
import { useSession } from '../session-context';

interface Loaded extends IncidentPage {
  /** The answer did not show every announced change yet: ask again shortly. */
  behind: boolean;
}

/**
 * One page of the incident list as server state. A live change invalidates it; an answer that does not
 * show an announced change yet (the read model lags the event by a moment) is asked again after
 * RELOAD_DELAY_MS, at most MAX_RETRIES times, by react-query's refetch interval.
 */
export function useIncidentPage(status: StatusFilter, cursor: string | null, filters: IncidentFilters = {}) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const { severity = null, serviceId = null, assigneeId = null } = filters;
  const queryKey = ['incidents', status, cursor, severity, serviceId, assigneeId] as const;
  const pending = useRef<ReadonlyMap<string, IncidentChange>>(new Map());
  const retries = useRef(0);

  const query = useQuery({
    queryKey,
    queryFn: async (): Promise<Loaded> => {
      const answer = await api.incidents(status, cursor, { severity, serviceId, assigneeId });
      const held = queryClient.getQueryData<Loaded>(queryKey)?.items ?? [];
      const items = keepNewer(answer.items, held);
      // A new incident outside a severity, service or assignee filter is rightly absent: do not wait for it.
      const filtered = severity !== null || serviceId !== null || assigneeId !== null;
      const expectNew = cursor === null && !filtered && (status === 'all' || status === 'triggered');
      pending.current = unseenChanges(pending.current, items, expectNew);
      const behind = pending.current.size > 0 && retries.current++ < MAX_RETRIES;
      return { ...answer, items, behind };
    },
    refetchInterval: (current) => (current.state.data?.behind ? RELOAD_DELAY_MS : false),
    staleTime: 0,
  });

  const changed = useCallback(
    (change: IncidentChange) => {
      pending.current = rememberChange(pending.current, change);
      retries.current = 0;
      // An answer already on its way may predate the change: the refetch interval covers that.
      void queryClient.invalidateQueries({ queryKey: ['incidents'] }, { cancelRefetch: false });
    },
    [queryClient],
  );

  const replace = useCallback(
    (incident: IncidentSummary) => {
      queryClient.setQueryData<Loaded>(
        ['incidents', status, cursor, severity, serviceId, assigneeId],
        (current) => (current ? { ...current, items: keepNewer(current.items, [incident]) } : current),
      );
    },
    [queryClient, status, cursor, severity, serviceId, assigneeId],
  );

  return { query, changed, replace };
}
