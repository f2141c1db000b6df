import { MessageBus } from '@oncall/platform-messaging';
import { createTestNamespace, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import pino from 'pino';
import { OffsetClock } from './clock';
import { publishClockOffset, startSharedTestClock } from './shared-test-clock';

describe('Shared test clock (real NATS)', () => {
  const namespace = createTestNamespace('clock');
  const buses: MessageBus[] = [];

  async function connect(): Promise<MessageBus> {
    const bus = await MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'clock-test',
      subjectPrefix: namespace.prefix,
      streams: [],
    });
    buses.push(bus);
    return bus;
  }

  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await namespace.cleanup();
  });

  it('moves every service clock forward together, a late starter included, and tells timer loops', async () => {
    const first = await startSharedTestClock(await connect(), pino({ level: 'silent' }));
    const jumps: number[] = [];
    first.onJump(() => jumps.push(first.offsetMs));
    expect(first.offsetMs).toBe(0);

    await publishClockOffset(await connect(), 30 * 60_000);
    await waitFor('the first clock jumped', () => first.offsetMs === 30 * 60_000);
    const late = await startSharedTestClock(await connect(), pino({ level: 'silent' }));
    expect(late.offsetMs).toBe(30 * 60_000);
    expect(Math.abs(late.now().getTime() - (Date.now() + 30 * 60_000))).toBeLessThan(1_000);
    expect(jumps).toEqual([30 * 60_000]);
  });

  it('never moves backwards', () => {
    const clock = new OffsetClock(() => 0);
    clock.jumpTo(100);
    clock.jumpTo(50);
    expect(clock.now().getTime()).toBe(100);
  });
});
