import { useCallback, useState } from 'react';
import type { IncidentAction } from '../api/endpoints';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentSummary } from '../api/types';
import { useSession } from '../session-context';

/**
 * Acknowledge / resolve with the version the viewer saw: the answer is the incident as it now stands; a
 * 409 (someone else changed it first) is kept per incident to show beside its buttons.
 */
export function useIncidentActions(
  onUpdated: (incident: IncidentSummary) => void,
  /** The incident changed since the version shown: at least `incident.version + 1` exists. */
  onConflict: (incident: IncidentSummary) => void,
) {
  const { api } = useSession();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<ReadonlyMap<string, ApiProblem>>(new Map());

  const act = useCallback(
    async (incident: IncidentSummary, action: IncidentAction) => {
      const id = incident.incidentId;
      setBusy((current) => new Set(current).add(id));
      setProblems((current) => without(current, id));
      try {
        const result = await api.act(id, action, incident.version);
        onUpdated(result.incident);
      } catch (error) {
        const problem = problemOf(error);
        if (problem.status === 401) return;
        setProblems((current) => new Map(current).set(id, problem));
        if (problem.status === 409) onConflict(incident);
      } finally {
        setBusy((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
      }
    },
    [api, onUpdated, onConflict],
  );

  return { act, busy, problems };
}

function without<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
