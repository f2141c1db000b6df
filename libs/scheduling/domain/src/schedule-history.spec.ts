import {
  coverageGapsInHistory,
  renderScheduleHistory,
  ScheduleHistory,
  whoIsOnCallInHistory,
} from './schedule-history';
import { aLayer, utc } from './test-support/schedule-builders';

// Daily rotation A, B handing off at 09:00 UTC; on 2027-05-05 at 12:00 a manager replaces it with C alone.
const EDIT_AT = '2027-05-05T12:00:00.000Z';
const history: ScheduleHistory = {
  id: 's',
  revisions: [
    {
      revision: 1,
      effectiveFrom: null,
      timeZone: 'UTC',
      layers: [aLayer({ id: 'rotation', participants: ['A', 'B'], handoffAnchor: '2027-05-03T09:00' })],
    },
    {
      revision: 2,
      effectiveFrom: EDIT_AT,
      timeZone: 'UTC',
      layers: [aLayer({ id: 'rotation', participants: ['C'], handoffAnchor: '2027-05-03T09:00' })],
    },
  ],
  overrides: [],
};
/** `history` (same schedule and overrides) with these revisions instead. */
const withRevisions = (...revisions: ScheduleHistory['revisions']): ScheduleHistory => ({
  ...history,
  revisions,
});
const firstRevisionOnly = withRevisions(history.revisions[0]);

/** The shifts `history` renders in `window`, each as [start, end, userId]. */
const shiftRows = (of: ScheduleHistory, window: { start: string; end: string }) =>
  renderScheduleHistory(of, window).map((s) => [s.start, s.end, s.userId]);

describe('schedule history (rule 9: an edit changes only the future)', () => {
  it('renders the past exactly as it was rendered before the edit', () => {
    const past = { start: '2027-05-03T00:00:00Z', end: EDIT_AT };
    expect(renderScheduleHistory(history, past)).toEqual(renderScheduleHistory(firstRevisionOnly, past));
  });

  it('cuts the shift in progress at the edit and uses the new definition from then on', () => {
    expect(shiftRows(history, { start: '2027-05-05T09:00:00Z', end: '2027-05-06T09:00:00Z' })).toEqual([
      [utc('2027-05-05T09:00Z'), EDIT_AT, 'A'],
      [EDIT_AT, utc('2027-05-06T09:00Z'), 'C'],
    ]);
  });

  it('answers who is on call with the revision in force at that instant', () => {
    expect(whoIsOnCallInHistory(history, '2027-05-05T11:59:00Z')?.userId).toBe('A');
    expect(whoIsOnCallInHistory(history, '2027-05-05T12:00:00Z')?.userId).toBe('C');
    expect(whoIsOnCallInHistory(history, '2027-05-04T10:00:00Z')?.userId).toBe('B');
  });

  it('joins a shift the edit did not change across the revision boundary', () => {
    const unchanged = withRevisions(history.revisions[0], {
      ...history.revisions[0],
      revision: 2,
      effectiveFrom: EDIT_AT,
    });
    expect(shiftRows(unchanged, { start: '2027-05-05T09:00:00Z', end: '2027-05-06T09:00:00Z' })).toEqual([
      [utc('2027-05-05T09:00Z'), utc('2027-05-06T09:00Z'), 'A'],
    ]);
  });

  it('finds the gap an edit introduces, and none before it', () => {
    const emptied = withRevisions(history.revisions[0], {
      ...history.revisions[1],
      layers: [aLayer({ id: 'rotation', participants: [] })],
    });
    expect(
      coverageGapsInHistory(emptied, { start: '2027-05-05T00:00:00Z', end: '2027-05-06T00:00:00Z' }),
    ).toEqual([{ start: EDIT_AT, end: utc('2027-05-06T00:00Z') }]);
  });

  it('keeps overrides whatever the revision', () => {
    const withOverride: ScheduleHistory = {
      ...history,
      overrides: [
        {
          id: 'o',
          userId: 'D',
          start: '2027-05-05T11:00:00Z',
          end: '2027-05-05T13:00:00Z',
          createdAt: '2027-05-01T00:00:00Z',
        },
      ],
    };
    expect(whoIsOnCallInHistory(withOverride, '2027-05-05T11:30:00Z')?.userId).toBe('D');
    expect(whoIsOnCallInHistory(withOverride, '2027-05-05T12:30:00Z')?.userId).toBe('D');
    expect(whoIsOnCallInHistory(withOverride, '2027-05-05T13:00:00Z')?.userId).toBe('C');
  });

  it('renders nothing before revision 1 takes effect (a schedule created today has no past shifts)', () => {
    const created = withRevisions({ ...history.revisions[0], effectiveFrom: '2027-05-04T15:00:00Z' });
    expect(shiftRows(created, { start: '2027-05-03T00:00:00Z', end: '2027-05-05T00:00:00Z' })).toEqual([
      [utc('2027-05-04T15:00Z'), utc('2027-05-05T00:00Z'), 'B'],
    ]);
    expect(whoIsOnCallInHistory(created, '2027-05-04T14:59:59Z')).toBeNull();
    expect(coverageGapsInHistory(created, { start: '2027-05-04T00:00:00Z', end: '2027-05-05T00:00:00Z' })).toEqual([
      { start: utc('2027-05-04T00:00Z'), end: utc('2027-05-04T15:00Z') },
    ]);
  }); // prettier-ignore

  it('never lets a revision start before the one it follows, even when stored effectiveFrom goes backwards', () => {
    const backwards = withRevisions(...history.revisions, {
      ...history.revisions[0],
      revision: 3,
      effectiveFrom: '2027-05-05T10:00:00Z',
    });
    // Revision 3 claims 10:00, but revision 2 took effect at 12:00: revision 3 rules from 12:00 on.
    const window = { start: '2027-05-05T09:00:00Z', end: '2027-05-05T14:00:00Z' };
    expect(shiftRows(backwards, window)).toEqual([[utc('2027-05-05T09:00Z'), utc('2027-05-05T14:00Z'), 'A']]);
    expect(whoIsOnCallInHistory(backwards, '2027-05-05T11:00:00Z')?.userId).toBe('A');
    expect(whoIsOnCallInHistory(backwards, '2027-05-05T12:30:00Z')?.userId).toBe('A');
    expect(renderScheduleHistory(history, window).map((s) => s.userId)).toEqual(['A', 'C']);
  });
});
