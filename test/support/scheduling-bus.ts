import { Commands, Queries, ScheduleView } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { PlatformHarness } from './platform-harness';

export const GAP_TEST_ORG = 'org-gaps';
export const gapTestContext = { orgId: GAP_TEST_ORG, correlationId: 'test', causationId: null };
const actor = { userId: 'manager-1', name: 'Manager', role: 'manager' as const };
const DAY = 24 * 3600 * 1000;

/** Talks to scheduling over the bus as admin-api would, for tests of the gap scans (bus read at each call). */
export function schedulingOverBus(bus: () => MessageBus) {
  return {
    /** A weekly rotation started a day ago, optionally restricted. */
    createSchedule: (name: string, participants: string[], restrictions: object[] = []) =>
      bus().rpc.request<ScheduleView>(
        Commands.scheduling.createSchedule,
        {
          actor,
          definition: {
            name,
            timeZone: 'UTC',
            layers: [
              {
                name: 'Primary',
                participants,
                rotation: { kind: 'weekly' },
                handoffAnchor: '2026-01-05T09:00',
                start: new Date(Date.now() - DAY).toISOString(),
                restrictions,
              },
            ],
          },
        },
        gapTestContext,
      ),
    gapsOf: (scheduleId: string) =>
      bus().rpc.request<{ start: string; end: string }[]>(
        Queries.scheduling.coverageGaps,
        { scheduleId },
        gapTestContext,
      ),
    actor,
  };
}

/** What a gap-scan suite works with: the platform, a bus connected to it, and the calls of schedulingOverBus. */
export type GapScanStage = ReturnType<typeof schedulingOverBus> & {
  platform: PlatformHarness;
  bus: MessageBus;
};

/**
 * Registers the hooks of a gap-scan suite: scheduling and escalation started under `label`, a bus
 * connected before the tests and both closed after them. Read `platform` and `bus` inside tests only.
 */
export function gapScanSuite(label: string): GapScanStage {
  let platform: PlatformHarness;
  let bus: MessageBus;
  beforeAll(async () => {
    platform = await PlatformHarness.create(label);
    await platform.start('scheduling', 'escalation');
    bus = await platform.connectBus();
  }, 60_000);
  afterAll(async () => {
    await bus.close();
    await platform.close();
  });
  return {
    ...schedulingOverBus(() => bus),
    get platform() {
      return platform;
    },
    get bus() {
      return bus;
    },
  };
}
