/**
 * dedup-grouping as main.ts runs it, for test/dedup-crash-replay.e2e-spec.ts, with two changes made here
 * and nowhere in the service:
 * - it kills itself (SIGKILL) right after incident-state accepted the TriggerIncident whose title is
 *   SIGKILL_AFTER_OPENING_TITLE: the incident is open, the key's applied sequence is not recorded yet, the
 *   alert's history row is not written, and the partition checkpoint has not passed the alert;
 * - it saves no partition checkpoint, so the restarted service replays every alert applied here (a crash
 *   window as wide as the run instead of the last 200 ms).
 */
import 'reflect-metadata';
import { IncidentCommandsClient } from '../collaborators/incident-commands.client';
import { PartitionLeases } from '../correlation/partition-leases';

const title = process.env.SIGKILL_AFTER_OPENING_TITLE;
const trigger = IncidentCommandsClient.prototype.trigger;

// New incidents leave through `trigger` (batched, ADR 0159); the kill follows the answer for this one.
IncidentCommandsClient.prototype.trigger = async function (this: IncidentCommandsClient, command, context) {
  const result = await trigger.call(this, command, context);
  if (command.type === 'TriggerIncident' && command.data.title === title)
    process.kill(process.pid, 'SIGKILL');
  return result;
};
PartitionLeases.prototype.saveCheckpoint = () => Promise.resolve();

void import('../main');
