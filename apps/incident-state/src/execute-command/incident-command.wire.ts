import type { IncidentCommandV1 } from '@oncall/contracts';
import type { IncidentCommand } from '@oncall/incident-domain';

/**
 * The edge between the wire's commands (contracts, version 1) and the domain's. Today they have the same
 * shape, so the mapping is the identity and the compiler checks it: when a domain field is renamed, this stops
 * compiling until it maps the old wire field onto the new one (or a new wire version is introduced).
 */
export function incidentCommandFromWire(command: IncidentCommandV1): IncidentCommand {
  return command;
}
