import { StateRecord, stateSubject, Streams } from '@oncall/contracts';
import { encodeJson, MessageBus, StateReplica } from '@oncall/platform-messaging';
import { Logger } from 'pino';
import { OffsetClock } from './clock';

const CLOCK_STATE = { context: 'platform', resourceType: 'clock' } as const;
const OFFSET_ID = 'offset';

interface ClockOffsetView {
  offsetMs: number;
}

/** The streams a service in test-clock mode needs. */
export const TEST_CLOCK_STREAMS = [Streams.state];

/**
 * Test mode (PLATFORM_CLOCK=test): wall time plus an offset shared through ONCALL_STATE, so every service
 * of a deployment (in-process or separate processes) jumps at once when a test fast-forwards.
 */
export async function startSharedTestClock(bus: MessageBus, logger: Logger): Promise<OffsetClock> {
  const clock = new OffsetClock();
  const replica = new StateReplica<ClockOffsetView>(bus, CLOCK_STATE, logger);
  replica.onChange((record) => clock.jumpTo(record.view?.offsetMs ?? 0));
  await replica.start();
  return clock;
}

/** Moves every test-mode service's clock to `offsetMs` past wall time (tests and the harness only). */
export async function publishClockOffset(bus: MessageBus, offsetMs: number): Promise<void> {
  const record: StateRecord<ClockOffsetView> = {
    ...CLOCK_STATE,
    orgId: '',
    resourceId: OFFSET_ID,
    deleted: false,
    view: { offsetMs },
    publishedAt: new Date().toISOString(),
  };
  const subject = stateSubject(CLOCK_STATE.context, CLOCK_STATE.resourceType, OFFSET_ID);
  await bus.js.publish(bus.namespace.subject(subject), encodeJson(record));
}
