import { duration, noteOf, resolutionNoteOf } from './ticket-notes';

describe('ticket notes', () => {
  it('signs a note with its author and time', () => {
    expect(noteOf({ text: 'Rebooted FS01', at: '2027-03-01T02:10:00.000Z', author: 'Ada' })).toEqual({
      text: 'Rebooted FS01\n\n— Ada, in On-Call at 2027-03-01T02:10:00.000Z',
      resolution: false,
    });
  });

  it.each([
    ['manual', 'Ada', null, '2027-03-01T02:04:00.000Z', 'Resolved in On-Call by Ada at 2027-03-01T03:05:00.000Z.\nTime to acknowledge: 4 min.\nTime to resolve: 1 h 05 min.'],
    ['source', null, null, null, 'Resolved by the monitoring tool that raised it at 2027-03-01T03:05:00.000Z.\nNever acknowledged.\nTime to resolve: 1 h 05 min.'],
    ['merged', 'Ada', 'inc-9', null, 'Merged into another incident in On-Call (inc-9) at 2027-03-01T03:05:00.000Z.\nNever acknowledged.\nTime to resolve: 1 h 05 min.'],
  ] as const)('writes the resolution note of a %s resolution', (reason, by, mergedInto, acknowledgedAt, text) => {
    const note = resolutionNoteOf({ reason, by, mergedInto, acknowledgedAt, at: '2027-03-01T03:05:00.000Z', triggeredAt: '2027-03-01T02:00:00.000Z' });
    expect(note).toEqual({ text, resolution: true });
  }); // prettier-ignore

  it.each([
    ['2027-03-01T02:00:00Z', '2027-03-01T02:00:45Z', '45 s'],
    ['2027-03-01T02:00:00Z', '2027-03-01T02:59:59Z', '59 min'],
    ['2027-03-01T02:00:00Z', '2027-03-02T04:07:00Z', '26 h 07 min'],
    ['2027-03-01T02:00:00Z', '2027-03-01T01:00:00Z', '0 s'],
  ])('reads %s → %s as %s', (from, to, text) => {
    expect(duration(from, to)).toBe(text);
  });
});
