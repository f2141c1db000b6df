import { formatDateTime, formatRelative, usableTimeZone } from './time';

describe('formatDateTime', () => {
  it('shows the instant in the viewer’s time zone, with the zone', () => {
    const at = '2026-03-12T13:05:00.000Z';
    expect(formatDateTime(at, 'Europe/Berlin', 'en-GB')).toBe('12 Mar 2026, 14:05 CET');
    expect(formatDateTime(at, 'America/New_York', 'en-GB')).toMatch(/^12 Mar 2026, 09:05 (EDT|GMT-4)$/);
    expect(formatDateTime(at, 'UTC', 'en-GB')).toBe('12 Mar 2026, 13:05 UTC');
    expect(formatDateTime('2026-07-01T08:00:09Z', 'Europe/Berlin', 'en-GB', { seconds: true })).toBe(
      '1 Jul 2026, 10:00:09 CEST',
    );
  });

  it('shows a dash for no time, the raw text for a bad one, and ignores an unknown zone', () => {
    expect(formatDateTime(null, 'UTC')).toBe('—');
    expect(formatDateTime('yesterday', 'UTC')).toBe('yesterday');
    expect(formatDateTime('2026-03-12T13:05:00Z', 'Mars/Olympus', 'en-GB')).toMatch(/^12 Mar 2026/);
    expect(usableTimeZone('Mars/Olympus')).toBeUndefined();
    expect(usableTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-03-12T12:00:00Z');
  it.each([
    ['2026-03-12T11:59:30Z', 'just now'],
    ['2026-03-12T11:55:00Z', '5 min ago'],
    ['2026-03-12T09:00:00Z', '3 h ago'],
    ['2026-03-10T12:00:00Z', '2 d ago'],
    ['2026-03-12T12:10:00Z', 'in 10 min'],
    ['2026-03-12T20:00:00Z', 'in 8 h'],
  ])('%s is "%s"', (at, expected) => {
    expect(formatRelative(at, now)).toBe(expected);
  });

  it('is empty without a valid time', () => {
    expect(formatRelative(null, now)).toBe('');
    expect(formatRelative('soon', now)).toBe('');
  });
});
