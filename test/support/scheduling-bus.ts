import { Commands, Queries, ScheduleView } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { PlatformHarness } from './platform-harness';

export const GAP_TEST_ORG = 'org-gaps';
export const gapTestContext = { orgId: GAP_TEST_ORG, correlationId: 'test', causationId: null };
const actor = { userId: 'manager-1', name: 'Manager', role: 'manager' as const };
const DAY = 24 * 3600 * 1000;

/**
 * Scheduling and escalation on a platform of their own, and a bus client that talks to scheduling as
 * admin-api would: the stage of the gap-scan tests.
 */
export class GapScanStage {
  readonly actor = actor;

  private constructor(
    readonly platform: PlatformHarness,
    readonly bus: MessageBus,
  ) {}

  static async start(label: string): Promise<GapScanStage> {
    const platform = await PlatformHarness.create(label);
    await platform.start('scheduling', 'escalation');
    return new GapScanStage(platform, await platform.connectBus());
  }

  /** A weekly rotation started a day ago, optionally restricted. */
  createSchedule(name: string, participants: string[], restrictions: object[] = []): Promise<ScheduleView> {
    return this.bus.rpc.request<ScheduleView>(
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
    );
  }

  gapsOf(scheduleId: string): Promise<{ start: string; end: string }[]> {
    return this.bus.rpc.request<{ start: string; end: string }[]>(
      Queries.scheduling.coverageGaps,
      { scheduleId },
      gapTestContext,
    );
  }

  async close(): Promise<void> {
    await this.bus.close();
    await this.platform.close();
  }
}
