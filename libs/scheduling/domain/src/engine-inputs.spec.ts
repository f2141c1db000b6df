import { renderFinalSchedule } from './final-schedule';
import { aLayer, aSchedule, utc } from './test-support/schedule-builders';
import { whoIsOnCall } from './who-is-on-call';

describe('instants given to the engine', () => {
  const schedule = aSchedule('UTC', [
    aLayer({ participants: ['A', 'B'], handoffAnchor: '2027-05-03T00:00' }),
  ]);

  it.each([
    { form: 'a Date', at: new Date('2027-05-04T12:00:00Z') },
    { form: 'a UTC string', at: '2027-05-04T12:00:00.000Z' },
    { form: 'a string with an offset', at: '2027-05-04T14:00:00+02:00' },
  ])('given $form for the same instant, then the answer is the same', ({ at }) => {
    expect(whoIsOnCall(schedule, at)?.userId).toBe('B');
  });

  it('given a date-time without an offset, then it is refused rather than read in the host zone', () => {
    expect(() => whoIsOnCall(schedule, '2027-05-04T12:00:00')).toThrow(RangeError);
  });

  it('given a window that ends before it starts, then it is refused', () => {
    expect(() => renderFinalSchedule(schedule, { start: '2027-05-04T00:00Z', end: '2027-05-03T00:00Z' })).toThrow(RangeError);
  }); // prettier-ignore

  it('given an empty window, then there are no shifts', () => {
    expect(renderFinalSchedule(schedule, { start: '2027-05-04T00:00Z', end: '2027-05-04T00:00Z' })).toEqual(
      [],
    );
  });

  it('given a window in ISO strings, then shifts come back as UTC ISO strings', () => {
    const [shift] = renderFinalSchedule(schedule, { start: '2027-05-04T02:00+02:00', end: '2027-05-04T01:00Z' });
    expect(shift).toEqual({ start: utc('2027-05-04T00:00Z'), end: utc('2027-05-04T01:00Z'), userId: 'B', source: { kind: 'layer', layerId: 'layer' } });
  }); // prettier-ignore
});
