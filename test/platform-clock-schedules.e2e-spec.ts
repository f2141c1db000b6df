import { OverrideView } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import { EscalationPlatform, JORDAN, MINUTE, TAYLOR } from './support/escalation-platform';
import { dailyLayer } from './support/schedule-fixtures';

interface OnCallNowItem {
  scheduleId: string;
  onCall: { userId: string } | null;
  next: { userId: string; start: string } | null;
}

/**
 * Scheduling and admin-api read "now" from the platform clock (ADR 0146): after fastForward, an override
 * that was in the future is the one on call, in both the live view and a schedule's "on call now".
 */
describe('Schedules follow the fast-forwarded platform clock (real admin-api and scheduling)', () => {
  const esc = stageForAll(() =>
    EscalationPlatform.start('clocksched', { services: ['admin-api', 'scheduling'] }),
  );

  const onCallNow = async (scheduleId: string) => {
    const { items } = await esc.call<{ items: OnCallNowItem[] }>('GET', '/api/v1/on-call');
    return items.find((item) => item.scheduleId === scheduleId)!;
  };
  const onCallAt = (scheduleId: string) =>
    esc.call<{ userId: string | null }>('GET', `/api/v1/schedules/${scheduleId}/on-call`);

  it('makes a future override current after fastForward, and removing it then ends it instead of erasing it', async () => {
    const { id: scheduleId } = await esc.call<{ id: string }>('POST', '/api/v1/schedules', {
      name: 'Technicians 24/7',
      timeZone: 'UTC',
      layers: [dailyLayer([TAYLOR.id])],
    });
    const start = new Date(Date.now() + 30 * MINUTE);
    const end = new Date(start.getTime() + 60 * MINUTE);
    const override = await esc.call<OverrideView>('POST', `/api/v1/schedules/${scheduleId}/overrides`, {
      userId: JORDAN.id,
      start: start.toISOString(),
      end: end.toISOString(),
    });
    expect((await onCallNow(scheduleId)).onCall?.userId).toBe(TAYLOR.id);
    expect((await onCallNow(scheduleId)).next).toMatchObject({
      userId: JORDAN.id,
      start: start.toISOString(),
    });
    expect((await onCallAt(scheduleId)).userId).toBe(TAYLOR.id);

    await esc.fastForward(31);
    expect((await onCallNow(scheduleId)).onCall?.userId).toBe(JORDAN.id);
    expect((await onCallAt(scheduleId)).userId).toBe(JORDAN.id);
    const { shifts } = await esc.call<{ shifts: { userId: string; start: string }[] }>(
      'GET',
      `/api/v1/schedules/${scheduleId}/shifts`,
    );
    expect(shifts[0].userId).toBe(JORDAN.id);
    expect(Date.parse(shifts[0].start)).toBeGreaterThan(start.getTime());

    // Under way on the platform's clock (not yet on the wall clock): removing it ends it at the platform's now.
    await esc.call('DELETE', `/api/v1/schedules/${scheduleId}/overrides/${override.id}`);
    const window = `from=${new Date(Date.now() - MINUTE).toISOString()}&to=${end.toISOString()}`;
    const { items } = await esc.call<{ items: OverrideView[] }>(
      'GET',
      `/api/v1/schedules/${scheduleId}/overrides?${window}`,
    );
    expect(items).toHaveLength(1);
    const endedAt = Date.parse(items[0].end);
    expect(endedAt).toBeGreaterThan(start.getTime());
    expect(endedAt).toBeLessThanOrEqual(esc.clock.now().getTime());
    expect((await onCallNow(scheduleId)).onCall?.userId).toBe(TAYLOR.id);
  }, 60_000);
});
