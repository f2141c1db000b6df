import { isWithinSupportHours, nextSupportHoursStart } from './support-hours';
import { pagingHeldUntil, urgencyAt } from './urgency';
import type { SupportHoursUrgencyRule } from './urgency-rule.types';

const businessHours = (timeZone: string): SupportHoursUrgencyRule => ({
  kind: 'support-hours',
  timeZone,
  days: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '18:00',
  during: 'high',
  outside: 'low',
});
const amsterdam = businessHours('Europe/Amsterdam');
const newYork = businessHours('America/New_York');
const everyDay = [1, 2, 3, 4, 5, 6, 7];

describe('urgencyAt', () => {
  it.each([
    { severity: 'critical', urgency: 'high' },
    { severity: 'high', urgency: 'high' },
    { severity: 'warning', urgency: 'low' },
    { severity: 'info', urgency: 'low' },
  ] as const)('severity-based: a $severity alert is $urgency urgency', ({ severity, urgency }) => {
    expect(urgencyAt({ kind: 'severity-based' }, severity, '2024-05-01T02:00:00.000Z')).toBe(urgency);
  });

  it('constant: the rule’s urgency whatever the severity and time', () => {
    expect(urgencyAt({ kind: 'constant', urgency: 'low' }, 'critical', '2024-05-01T02:00:00.000Z')).toBe(
      'low',
    );
  });

  it.each([
    { case: 'Monday 08:00 Amsterdam (the start is inside)', at: '2024-05-06T06:00:00.000Z', urgency: 'high' },
    { case: 'Monday 17:59 Amsterdam', at: '2024-05-06T15:59:00.000Z', urgency: 'high' },
    { case: 'Monday 18:00 Amsterdam (the end is outside)', at: '2024-05-06T16:00:00.000Z', urgency: 'low' },
    { case: 'Monday 07:59 Amsterdam', at: '2024-05-06T05:59:00.000Z', urgency: 'low' },
    { case: 'Saturday noon Amsterdam', at: '2024-05-04T10:00:00.000Z', urgency: 'low' },
  ] as const)('support hours: $case is $urgency', ({ at, urgency }) => {
    expect(urgencyAt(amsterdam, 'critical', at)).toBe(urgency);
  }); // prettier-ignore
});

describe('nextSupportHoursStart (Mon–Fri 08:00–18:00)', () => {
  it.each([
    { case: 'Friday 22:00 → Monday 08:00', rule: amsterdam, at: '2024-05-03T20:00:00.000Z', next: '2024-05-06T06:00:00.000Z' },
    { case: 'Tuesday 06:00 → the same morning', rule: amsterdam, at: '2024-05-07T04:00:00.000Z', next: '2024-05-07T06:00:00.000Z' },
    { case: 'a start itself is its own next start', rule: amsterdam, at: '2024-05-07T06:00:00.000Z', next: '2024-05-07T06:00:00.000Z' },
    { case: 'inside the hours → the next day’s start', rule: amsterdam, at: '2024-05-07T10:00:00.000Z', next: '2024-05-08T06:00:00.000Z' },
    { case: 'Amsterdam, Friday 22:00 CET before spring-forward → Monday 08:00 CEST', rule: amsterdam, at: '2024-03-29T21:00:00.000Z', next: '2024-04-01T06:00:00.000Z' },
    { case: 'Amsterdam, Friday 22:00 CEST before fall-back → Monday 08:00 CET', rule: amsterdam, at: '2024-10-25T20:00:00.000Z', next: '2024-10-28T07:00:00.000Z' },
    { case: 'New York, Friday 22:00 EST before spring-forward → Monday 08:00 EDT', rule: newYork, at: '2024-03-09T03:00:00.000Z', next: '2024-03-11T12:00:00.000Z' },
    { case: 'New York, Friday 22:00 EDT before fall-back → Monday 08:00 EST', rule: newYork, at: '2024-11-02T02:00:00.000Z', next: '2024-11-04T13:00:00.000Z' },
    { case: 'New York, Sunday 03:00 EDT, just after the gap', rule: newYork, at: '2024-03-10T07:00:00.000Z', next: '2024-03-11T12:00:00.000Z' },
  ])('$case', ({ rule, at, next }) => {
    expect(nextSupportHoursStart(rule, at)).toBe(next);
  }); // prettier-ignore

  it('is null for a rule without support hours, and for support hours on no day', () => {
    expect(nextSupportHoursStart({ kind: 'severity-based' }, '2024-05-03T20:00:00.000Z')).toBeNull();
    expect(nextSupportHoursStart({ ...amsterdam, days: [] }, '2024-05-03T20:00:00.000Z')).toBeNull();
  });
});

describe('support hours across midnight and DST changes', () => {
  const fridayNights: SupportHoursUrgencyRule = { ...amsterdam, days: [5], start: '22:00', end: '06:00' };

  it.each([
    { case: 'Friday 23:00 (window opened Friday)', at: '2024-05-03T21:00:00.000Z', within: true },
    { case: 'Saturday 05:59 (still Friday’s window)', at: '2024-05-04T03:59:00.000Z', within: true },
    { case: 'Saturday 06:00 (the end)', at: '2024-05-04T04:00:00.000Z', within: false },
    { case: 'Saturday 23:00 (Saturday opens no window)', at: '2024-05-04T21:00:00.000Z', within: false },
    { case: 'Thursday 23:00', at: '2024-05-02T21:00:00.000Z', within: false },
  ])('an end before the start runs past midnight: $case', ({ at, within }) => {
    expect(isWithinSupportHours(fridayNights, at)).toBe(within);
  }); // prettier-ignore

  it('after a Friday-night window, the next start is the next Friday at 22:00', () => {
    expect(nextSupportHoursStart(fridayNights, '2024-05-04T04:00:00.000Z')).toBe('2024-05-10T20:00:00.000Z');
  });

  it('a start equal to the end is a window of a whole day', () => {
    const allDay = { ...amsterdam, days: everyDay, start: '09:00', end: '09:00' };
    expect(isWithinSupportHours(allDay, '2024-05-04T06:59:00.000Z')).toBe(true);
  });

  it('a start skipped by spring-forward opens the window at the transition (New York 02:30 → 03:00 EDT)', () => {
    const nights = { ...newYork, days: everyDay, start: '02:30', end: '04:00' };
    expect(nextSupportHoursStart(nights, '2024-03-10T06:00:00.000Z')).toBe('2024-03-10T07:00:00.000Z');
    expect(isWithinSupportHours(nights, '2024-03-10T06:59:00.000Z')).toBe(false);
    expect(isWithinSupportHours(nights, '2024-03-10T07:00:00.000Z')).toBe(true);
  });

  it('a start repeated by fall-back opens the window at its first occurrence (Amsterdam 02:30 CEST)', () => {
    const nights = { ...amsterdam, days: everyDay, start: '02:30', end: '05:00' };
    expect(nextSupportHoursStart(nights, '2024-10-27T00:00:00.000Z')).toBe('2024-10-27T00:30:00.000Z');
    // 02:45 CET, the second pass through the repeated hour, is inside the window opened at the first.
    expect(isWithinSupportHours(nights, '2024-10-27T01:45:00.000Z')).toBe(true);
    expect(isWithinSupportHours(nights, '2024-10-27T04:00:00.000Z')).toBe(false);
  });

  it('a window through the skipped hour is an hour shorter that night (Amsterdam 01:00–04:00)', () => {
    const nights = { ...amsterdam, days: everyDay, start: '01:00', end: '04:00' };
    expect(isWithinSupportHours(nights, '2024-03-31T01:59:00.000Z')).toBe(true);
    expect(isWithinSupportHours(nights, '2024-03-31T02:00:00.000Z')).toBe(false);
  });
});

describe('pagingHeldUntil', () => {
  it('holds a low-urgency incident outside the hours until they start (Friday 22:00 → Monday 08:00)', () => {
    expect(pagingHeldUntil(amsterdam, 'warning', '2024-05-03T20:00:00.000Z')).toBe(
      '2024-05-06T06:00:00.000Z',
    );
  });

  it.each([
    { case: 'high urgency outside the hours', rule: { ...amsterdam, outside: 'high' as const }, at: '2024-05-03T20:00:00.000Z' },
    { case: 'low urgency inside the hours', rule: { ...amsterdam, during: 'low' as const }, at: '2024-05-06T10:00:00.000Z' },
    { case: 'a constant low rule (no support hours to wait for)', rule: { kind: 'constant' as const, urgency: 'low' as const }, at: '2024-05-03T20:00:00.000Z' },
    { case: 'support hours on no day (it would wait forever)', rule: { ...amsterdam, days: [] }, at: '2024-05-03T20:00:00.000Z' },
  ])('pages at once: $case', ({ rule, at }) => {
    expect(pagingHeldUntil(rule, 'warning', at)).toBeNull();
  }); // prettier-ignore
});
