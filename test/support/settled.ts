import {
  DIRECTORY_STATE_CONTEXT,
  stateSubject,
  stateSubjectFilter,
  StateRecord,
  Streams,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
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

/**
 * notification has nothing in hand for the person (or anyone): every delivery is sent, failed, suppressed or
 * digested (a scheduled one counts as in hand). With `heldIsAtRest`, pages held back for a digest count as
 * at rest too: on the test clock nothing more goes out until it moves.
 */
export function untilDeliveriesAtRest(
  platform: PlatformHarness,
  options: { userId?: string; heldIsAtRest?: boolean; notYetDueIsAtRest?: boolean } = {},
): Promise<void> {
  const open = options.heldIsAtRest ? OPEN : ['held', ...OPEN];
  return platform.withSchema('notification', (db) =>
    waitFor(`the deliveries${options.userId ? ` to ${options.userId}` : ''} to come to rest`, async () => {
      const [row]: { n: number }[] = await db.query(
        `SELECT count(*)::int AS n FROM deliveries WHERE status = ANY($1) AND ($2::text IS NULL OR user_id = $2)
         AND NOT ($3 AND status = 'scheduled' AND due_at > now())`,
        [open, options.userId ?? null, options.notYetDueIsAtRest ?? false],
      );
      return row.n === 0;
    }).then(() => undefined),
  );
}

const OPEN = ['scheduled', 'ready', 'sending', 'retrying'];

/**
 * Nothing is on its way between the services: no outbox holds a row to relay and no durable consumer of the
 * platform's streams has a message to process or one in hand. Work moves from an outbox to a consumer and
 * from a consumer into the next outbox, so the checks run in that order, three times, in one pass: a
 * message that moved on between two checks is seen by a later one.
 */
export function untilPipelineAtRest(platform: PlatformHarness, bus: MessageBus): Promise<void> {
  return platform.withSchema('notification', async (db) => {
    const schemas: { schema: string }[] = await db.query(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox'`,
    );
    const outboxesEmpty = async () => {
      for (const { schema } of schemas) {
        const [row]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`);
        if (row.n > 0) return false;
      }
      return true;
    };
    const consumersDrained = async () => {
      for (const stream of Object.values(Streams)) {
        const name = bus.namespace.stream(stream.name);
        if (!(await bus.jsm.streams.info(name).catch(() => null))) continue; // not created in this run
        const consumers = await bus.jsm.consumers.list(name).next();
        const busy = consumers.filter(
          (consumer) =>
            consumer.config.durable_name && (consumer.num_pending > 0 || consumer.num_ack_pending > 0),
        );
        if (busy.length > 0) return false;
      }
      return true;
    };
    await waitFor('every outbox and every consumer to be at rest', async () => {
      for (let round = 0; round < 3; round++) if (!(await outboxesEmpty()) || !(await consumersDrained())) return false;
      return true;
    }, { timeoutMs: 60_000, intervalMs: 250 }); // prettier-ignore
  });
}

/**
 * A durable consumer has processed and acknowledged every message published to its stream so far that it
 * takes: whatever its handler would do about them is committed.
 */
export function untilConsumerDrained(bus: MessageBus, stream: string, durable: string): Promise<void> {
  return waitFor(`consumer ${durable} to process everything published`, async () => {
    const info = await bus.jsm.consumers.info(bus.namespace.stream(stream), bus.namespace.consumer(durable));
    return info.num_pending === 0 && info.num_ack_pending === 0;
  }).then(() => undefined);
}

/**
 * Every service's copy of a directory resource (StateReplica, ADR 0120) has been handed the owner's latest
 * record of it: the consumers that follow that resource type have delivered past its last message.
 */
export async function untilStateCopiesHave<TView>(
  bus: MessageBus,
  resourceType: string,
  resourceId: string,
  what: string,
  matches: (view: TView | null) => boolean,
): Promise<void> {
  const stream = bus.namespace.stream(Streams.state.name);
  const filter = bus.namespace.subject(stateSubjectFilter(DIRECTORY_STATE_CONTEXT, resourceType));
  const subject = bus.namespace.subject(stateSubject(DIRECTORY_STATE_CONTEXT, resourceType, resourceId));
  const latest = await waitFor(`the state record of ${resourceType} ${resourceId} ${what}`, async () => {
    const message = await bus.jsm.streams.getMessage(stream, { last_by_subj: subject });
    return matches(message.json<StateRecord<TView>>().view) ? message : undefined;
  });
  await waitFor(`every copy of ${resourceType} ${resourceId} to follow`, async () => {
    const followers = (await bus.jsm.consumers.list(stream).next()).filter((consumer) =>
      [consumer.config.filter_subject, ...(consumer.config.filter_subjects ?? [])].includes(filter),
    );
    return followers.length > 0 && followers.every((consumer) => consumer.delivered.stream_seq >= latest.seq);
  });
}

/** No durable timer of the service's schema (ADR 0121) is due at `now` and still unfired. */
export function untilDueTimersFired(platform: PlatformHarness, schema: string, now: Date): Promise<void> {
  return platform.withSchema(schema, (db) =>
    waitFor(`${schema}'s timers due by ${now.toISOString()} to fire`, async () => {
      const [row]: { n: number }[] = await db.query(
        'SELECT count(*)::int AS n FROM timers WHERE due_at <= $1',
        [now],
      );
      return row.n === 0;
    }).then(() => undefined),
  );
}
