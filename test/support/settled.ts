import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './platform-harness';

/**
 * Completion signals for checks that something did NOT happen: instead of sleeping and hoping a wrong
 * effect would have shown by then, wait until the part that would show it has finished its work.
 */

/** Every incident projection has read every incident event written so far (the lists show all of them). */
export function untilIncidentProjectionsCaughtUp(platform: PlatformHarness): Promise<void> {
  return platform.withSchema('incident_state', (db) =>
    waitFor('the incident projections to catch up with the events', async () => {
      const [behind]: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM projection_checkpoints c
         WHERE EXISTS (SELECT 1 FROM events e WHERE (e.transaction_id, e.sequence) > (c.transaction_id, c.sequence))`,
      );
      return behind.n === 0;
    }).then(() => undefined),
  );
}

/** notification has nothing left in hand for this incident: every delivery of it is sent, failed or later. */
export function untilDeliveriesSettled(platform: PlatformHarness, incidentId: string): Promise<void> {
  return platform.withSchema('notification', (db) =>
    waitFor(`the deliveries of incident ${incidentId} to settle`, async () => {
      const [open]: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM deliveries
         WHERE incident_id = $1 AND status IN ('held', 'ready', 'sending', 'retrying')`,
        [incidentId],
      );
      return open.n === 0;
    }).then(() => undefined),
  );
}
