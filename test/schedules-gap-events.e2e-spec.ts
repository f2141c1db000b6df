import { Commands, CoverageGapDetected, Streams } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { AckPolicy, DeliverPolicy } from 'nats';
import { GapScanner } from '../apps/scheduling/src/coverage/gap-scanner';
import { GAP_TEST_ORG, GapScanStage, gapTestContext } from './support/scheduling-bus';

const ORG = GAP_TEST_ORG;
const context = gapTestContext;
const DAY = 24 * 3600 * 1000;

/** What a scan of one schedule finds, and that each gap is published once. */
describe('Coverage-gap scans: finding and announcing gaps', () => {
  const stage = stageForAll(() => GapScanStage.start('gapevents'));

  it('announces a gap under way once, however often it is scanned', async () => {
    const schedule = await stage.createSchedule('Nobody on call', []);
    const [created] = await waitFor('the gap found after creation', async () => {
      const found = await stage.gapsOf(schedule.id);
      return found.length === 1 ? found : undefined;
    });
    const scanner = stage.platform.service('scheduling').app.get(GapScanner);
    const first = Date.now();
    // Each scan cuts the gap at its own "now"; it is still the same gap.
    await scanner.scanSchedule(ORG, schedule.id, new Date(first));
    await scanner.scanSchedule(ORG, schedule.id, new Date(first + 60_000));
    const [gap] = await stage.gapsOf(schedule.id);
    expect(gap.start).toBe(created.start);
    expect(gap.end).toBe(new Date(first + 60_000 + 14 * DAY).toISOString());
    await waitFor('the outbox relayed', () =>
      stage.platform.withSchema(
        'scheduling',
        async (db) => (await db.query('SELECT id FROM outbox')).length === 0,
      ),
    );
    const events = await readGapEvents(stage.bus, stage.platform.env.NATS_SUBJECT_PREFIX!);
    expect(events.filter((event) => event.scheduleId === schedule.id)).toEqual([
      expect.objectContaining({ start: created.start }),
    ]);
  });

  it('finds no gap in a 24/7 rotation', async () => {
    const schedule = await stage.createSchedule('Always covered', ['u-1', 'u-2']);
    const scanner = stage.platform.service('scheduling').app.get(GapScanner);
    expect(await scanner.scanSchedule(ORG, schedule.id)).toEqual([]);
    expect(await stage.gapsOf(schedule.id)).toEqual([]);
  });

  // The affected services of a schedule some policy targets are checked end to end, through the email
  // that names them, in test/notification-managers.e2e-spec.ts.
  it('finds the gaps a restriction leaves, and publishes each new one, with no services affected when no policy targets the schedule', async () => {
    const weekdaysOnly = [1, 2, 3, 4, 5].map((day) => ({
      kind: 'weekly',
      startDayOfWeek: day,
      startTime: '00:00',
      durationMinutes: 1440,
    }));
    const schedule = await stage.createSchedule('Weekdays only', ['u-1'], weekdaysOnly);
    const gaps = await waitFor('the weekend gaps', async () => {
      const found = await stage.gapsOf(schedule.id);
      return found.length >= 2 ? found : undefined;
    });
    for (const gap of gaps) {
      const start = new Date(gap.start);
      const isWeekendStart = start.getUTCDay() === 6 || start.getTime() <= Date.now() + 1000;
      expect(isWeekendStart).toBe(true);
    }
    const mine = await waitFor('the gap events relayed from the outbox', async () => {
      const events = await readGapEvents(stage.bus, stage.platform.env.NATS_SUBJECT_PREFIX!);
      const found = events.filter((event) => event.scheduleId === schedule.id);
      return found.length >= gaps.length ? found : undefined;
    });
    expect(mine.map((event) => [event.start, event.end])).toEqual(gaps.map((gap) => [gap.start, gap.end]));
    expect(mine.every((event) => event.affectedServicesKnown && event.affectedServices.length === 0)).toBe(
      true,
    );
  });

  it('turns the whole window into a gap when the last participant is removed', async () => {
    const schedule = await stage.createSchedule('Shrinking', ['u-1']);
    await stage.bus.rpc.request(
      Commands.scheduling.updateSchedule,
      {
        actor: stage.actor,
        scheduleId: schedule.id,
        definition: {
          name: 'Shrinking',
          timeZone: 'UTC',
          layers: [{ ...schedule.layers[0], participants: [] }],
        },
      },
      context,
    );
    const [gap] = await waitFor('one gap over the whole window', async () => {
      const found = await stage.gapsOf(schedule.id);
      return found.length === 1 ? found : undefined;
    });
    expect(new Date(gap.end).getTime() - new Date(gap.start).getTime()).toBeGreaterThan(
      13.9 * 24 * 3600 * 1000,
    );
  });
});

async function readGapEvents(bus: MessageBus, prefix: string): Promise<CoverageGapDetected[]> {
  const stream = `${prefix}_${Streams.scheduling.name}`;
  const durable = `gap-reader-${Date.now()}`;
  await bus.jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    filter_subject: `${prefix}.oncall.evt.scheduling.coverage-gap-detected.v1`,
  });
  const consumer = await bus.js.consumers.get(stream, durable);
  const pending = (await consumer.info()).num_pending;
  const events: CoverageGapDetected[] = [];
  if (pending === 0) return events;
  for await (const message of await consumer.fetch({ max_messages: pending, expires: 2_000 })) {
    events.push(message.json<{ data: CoverageGapDetected }>().data);
  }
  return events;
}
