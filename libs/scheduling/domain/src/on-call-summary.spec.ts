import { onCallSummary } from './on-call-summary';
import type { ScheduleHistory } from './schedule-history';
import type { Layer, Override } from './schedule.types';
import { aLayer, utc } from './test-support/schedule-builders';

const historyOf = (layers: Layer[], overrides: Override[] = []): ScheduleHistory => ({
  id: 's',
  revisions: [{ revision: 1, effectiveFrom: '2027-01-01T00:00:00Z', timeZone: 'UTC', layers }],
  overrides,
});
const override = (id: string, userId: string, start: string, end: string): Override => ({
  id,
  userId,
  start: utc(start),
  end: utc(end),
  createdAt: '2027-01-01T00:00:00Z',
});
const daily = (participants: string[], fields: Partial<Layer> = {}) =>
  aLayer({ id: 'daily', participants, handoffAnchor: '2027-05-03T09:00', ...fields });
const NOW = '2027-05-04T12:00:00Z'; // day 1 of the rotation: participants[1] is on call until 05-05 09:00

describe('onCallSummary', () => {
  it('answers who is on call, until the next person takes over, and who that is', () => {
    expect(onCallSummary(historyOf([daily(['A', 'B'])]), NOW)).toEqual({
      onCall: { userId: 'B', source: { kind: 'layer', layerId: 'daily' }, until: utc('2027-05-05T09:00Z') },
      next: { userId: 'A', start: utc('2027-05-05T09:00Z') },
    });
  });

  it('joins consecutive turns of the same person, whatever their source', () => {
    const history = historyOf(
      [daily(['A', 'B', 'B', 'C'])],
      [override('o', 'B', '2027-05-06T09:00Z', '2027-05-06T18:00Z')],
    );
    expect(onCallSummary(history, NOW)).toEqual({
      onCall: { userId: 'B', source: { kind: 'layer', layerId: 'daily' }, until: utc('2027-05-06T18:00Z') },
      next: { userId: 'C', start: utc('2027-05-06T18:00Z') },
    });
  });

  it('looks beyond the first days when nothing changes, and ends "until" at a gap', () => {
    const history = historyOf([daily(['A'], { end: '2027-05-20T00:00:00Z' })], [
      override('o', 'D', '2027-05-25T00:00Z', '2027-05-26T00:00Z'),
    ]); // prettier-ignore
    expect(onCallSummary(history, NOW)).toEqual({
      onCall: { userId: 'A', source: { kind: 'layer', layerId: 'daily' }, until: utc('2027-05-20T00:00Z') },
      next: { userId: 'D', start: utc('2027-05-25T00:00Z') },
    });
  });

  it('answers no end and nobody next when nothing changes within 31 days', () => {
    expect(onCallSummary(historyOf([daily(['A'])]), NOW)).toEqual({
      onCall: { userId: 'A', source: { kind: 'layer', layerId: 'daily' }, until: null },
      next: null,
    });
  });

  it('answers nobody on call in a gap, and the first person to come on call next', () => {
    const nights = daily(['A', 'B'], { restrictions: [{ kind: 'daily', startTime: '20:00', durationMinutes: 600 }] });
    expect(onCallSummary(historyOf([nights]), NOW)).toEqual({
      onCall: null,
      next: { userId: 'B', start: utc('2027-05-04T20:00Z') },
    });
    expect(onCallSummary(historyOf([daily([])]), NOW)).toEqual({ onCall: null, next: null });
  }); // prettier-ignore

  it('uses the revision in force now and the ones after it', () => {
    const history: ScheduleHistory = {
      ...historyOf([daily(['A', 'B'])]),
      revisions: [
        ...historyOf([daily(['A', 'B'])]).revisions,
        { revision: 2, effectiveFrom: '2027-05-04T15:00:00Z', timeZone: 'UTC', layers: [daily(['C'])] },
      ],
    };
    expect(onCallSummary(history, NOW)).toEqual({
      onCall: { userId: 'B', source: { kind: 'layer', layerId: 'daily' }, until: utc('2027-05-04T15:00Z') },
      next: { userId: 'C', start: utc('2027-05-04T15:00Z') },
    });
  });
});
