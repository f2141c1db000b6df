import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { IncidentDetail, IncidentSummary } from '../api/types';
import { MAX_RETRIES, RELOAD_DELAY_MS } from '../live/freshness';
import { useSession } from '../session-context';

interface Loaded {
  detail: IncidentDetail;
  /** The read model is older than a version known to exist: asked again shortly. */
  behind: boolean;
}

/**
 * One incident as server state. `expectVersion` records a version known to exist (announced live, or
 * answered to an action); an answer older than that keeps what is shown and is asked again after
 * RELOAD_DELAY_MS (at most MAX_RETRIES times), by react-query's refetch interval.
 */
export function useIncidentDetail(incidentId: string) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const queryKey = ['incident', incidentId];
  const wanted = useRef(0);
  const retries = useRef(0);

  const query = useQuery({
    queryKey,
    queryFn: async (): Promise<Loaded> => {
      const found = await api.incident(incidentId);
      const shown = queryClient.getQueryData<Loaded>(queryKey);
      if (found.incident.version >= wanted.current) return { detail: found, behind: false };
      const behind = retries.current++ < MAX_RETRIES;
      return { detail: shown?.detail ?? found, behind };
    },
    refetchInterval: (current) => (current.state.data?.behind ? RELOAD_DELAY_MS : false),
    staleTime: 0,
  });

  const expectVersion = useCallback(
    (version: number | null) => {
      if (version !== null && version > wanted.current) {
        wanted.current = version;
        retries.current = 0;
      }
      void queryClient.invalidateQueries({ queryKey: ['incident', incidentId] }, { cancelRefetch: false });
    },
    [queryClient, incidentId],
  );

  /** An action answered the incident as it now stands: show it at once. */
  const updated = useCallback(
    (incident: IncidentSummary) => {
      queryClient.setQueryData<Loaded>(['incident', incidentId], (current) =>
        current ? { ...current, detail: { ...current.detail, incident } } : current,
      );
      expectVersion(incident.version);
    },
    [queryClient, incidentId, expectVersion],
  );

  return { query, expectVersion, updated };
}
