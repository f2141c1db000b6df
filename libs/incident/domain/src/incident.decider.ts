import type { Decider } from '@oncall/shared-decider';
import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import type { IncidentState } from './incident.state';
import { initialIncidentState } from './incident.state';
import { decide } from './decide';
import { evolve } from './evolve';

/**
 * The aggregate as one value (Emmett's Decider). A command handler reads the stream `incident-<id>`,
 * folds it with `evolve` from `initialState()`, calls `decide`, and appends the events (if any) with
 * the expected version it read; on a version conflict it reads again and retries.
 */
export type IncidentDecider = Decider<IncidentCommand, IncidentState, IncidentEvent>;

export const incidentDecider: IncidentDecider = {
  decide,
  evolve,
  initialState: () => initialIncidentState,
};
