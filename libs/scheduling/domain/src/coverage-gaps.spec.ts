import { findCoverageGaps } from './coverage-gaps';
import type { Layer } from './schedule.types';
import { aLayer, aSchedule, anOverride, utc } from './test-support/schedule-builders';

const MONDAY = { start: '2027-05-03T00:00Z', end: '2027-05-04T00:00Z' };
const gap = (start: string, end: string) => ({ start: utc(start), end: utc(end) });

describe('findCoverageGaps', () => {
  const dayShift = (participants: string[]): Layer =>
    aLayer({
      id: 'day',
      participants,
      restrictions: [{ kind: 'daily', startTime: '08:00', durationMinutes: 720 }],
    });
  const nightShift = aLayer({
    id: 'night',
    participants: ['A'],
    restrictions: [{ kind: 'daily', startTime: '20:00', durationMinutes: 720 }],
  });

  it('given a 24/7 rotation across a DST change, then there are no gaps', () => {
    const layer = aLayer({
      participants: ['A', 'B', 'C'],
      rotation: { kind: 'weekly' },
      handoffAnchor: '2027-03-01T09:00',
    });
    const window = { start: '2027-03-01T00:00Z', end: '2027-04-30T00:00Z' };
    expect(findCoverageGaps(aSchedule('Europe/Berlin', [layer]), window)).toEqual([]);
  });

  it('given a restriction, then the time outside its window is a gap', () => {
    const layer = aLayer({ restrictions: [{ kind: 'daily', startTime: '09:00', durationMinutes: 480 }] });
    expect(findCoverageGaps(aSchedule('UTC', [layer]), MONDAY)).toEqual([
      gap('2027-05-03T00:00Z', '2027-05-03T09:00Z'),
      gap('2027-05-03T17:00Z', '2027-05-04T00:00Z'),
    ]);
  });

  it('given day and night layers that meet, then there are no gaps', () => {
    expect(findCoverageGaps(aSchedule('UTC', [nightShift, dayShift(['B'])]), MONDAY)).toEqual([]);
  });

  it('given the day layer lost its last participant, then its window becomes a gap', () => {
    expect(findCoverageGaps(aSchedule('UTC', [nightShift, dayShift([])]), MONDAY)).toEqual([
      gap('2027-05-03T08:00Z', '2027-05-03T20:00Z'),
    ]);
  });

  it('given an override across part of a gap, then only the rest remains a gap', () => {
    const override = anOverride({
      id: 'o',
      userId: 'C',
      start: '2027-05-03T08:00Z',
      end: '2027-05-03T12:00Z',
      createdAt: '2027-05-01T00:00Z',
    });
    expect(findCoverageGaps(aSchedule('UTC', [nightShift, dayShift([])], [override]), MONDAY)).toEqual([
      gap('2027-05-03T12:00Z', '2027-05-03T20:00Z'),
    ]);
  });

  it('given a schedule without layers, then the whole window is a gap', () => {
    expect(findCoverageGaps(aSchedule('UTC', []), MONDAY)).toEqual([gap(MONDAY.start, MONDAY.end)]);
  });
});
