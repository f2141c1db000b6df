import { useCallback, useState } from 'react';
import type { IncidentList, IncidentListItem } from '../api/endpoints';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentDetail } from '../api/types';
import { useSession } from '../session-context';
import { type LoadedList, withFreshFirstPage, withNextPage } from './loaded-list';

export type IncidentLists = { [L in IncidentList]: LoadedList<IncidentListItem[L]> };

/** Where an item sits in its list: alerts by arrival, notes and timeline entries by incident version. */
const KEY_OF: { [L in IncidentList]: (item: IncidentListItem[L]) => number } = {
  alerts: (alert) => alert.position,
  notes: (note) => note.version,
  timeline: (entry) => entry.version,
};

/**
 * The incident's alerts, notes and timeline as the viewer has read them: the detail's first pages, then
 * older pages on demand ("Load older"). A fresh detail keeps the older pages already read.
 */
export function useIncidentLists(incidentId: string) {
  const { api } = useSession();
  const [lists, setLists] = useState<IncidentLists | null>(null);
  const [loading, setLoading] = useState<ReadonlySet<IncidentList>>(new Set());
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const showDetail = useCallback((detail: IncidentDetail) => {
    setLists((current) => ({
      alerts: withFreshFirstPage(detail.alerts, current?.alerts ?? null, KEY_OF.alerts),
      notes: withFreshFirstPage(detail.notes, current?.notes ?? null, KEY_OF.notes),
      timeline: withFreshFirstPage(detail.timeline, current?.timeline ?? null, KEY_OF.timeline),
    }));
  }, []);

  const loadOlder = useCallback(
    async <L extends IncidentList>(list: L) => {
      const cursor = lists?.[list].nextCursor;
      if (!cursor || loading.has(list)) return;
      setLoading((current) => new Set(current).add(list));
      try {
        const page = await api.incidentList(incidentId, list, cursor);
        setProblem(null);
        setLists(
          (current) =>
            current && {
              ...current,
              [list]: withNextPage<IncidentListItem[L]>(current[list], page, KEY_OF[list]),
            },
        );
      } catch (error) {
        setProblem(problemOf(error));
      } finally {
        setLoading((current) => {
          const next = new Set(current);
          next.delete(list);
          return next;
        });
      }
    },
    [api, incidentId, lists, loading],
  );

  return { lists, showDetail, loadOlder, loading, problem };
}
