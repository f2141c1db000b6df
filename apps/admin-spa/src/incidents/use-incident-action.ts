import { useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentCommandResult, IncidentSummary } from '../api/types';

export interface ActionProps {
  incident: IncidentSummary;
  /** The incident as an action answered it. */
  onUpdated: (incident: IncidentSummary) => void;
  /** Someone changed it first (409): reload. */
  onConflict: (incident: IncidentSummary) => void;
}

export /** One action's request: busy flag, the API's problem, and the answer handed on. */
function useIncidentAction({ incident, onUpdated, onConflict }: ActionProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (send: () => Promise<IncidentCommandResult>) => {
    setBusy(true);
    setProblem(null);
    try {
      onUpdated((await send()).incident);
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      if (found.status === 409) onConflict(incident);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}
