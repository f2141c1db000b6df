import { reconcileGaps, type GapReconciliation, type StoredGap } from './gap-reconciliation';
import { utc } from './test-support/schedule-builders';

const gap = (start: string, end: string) => ({ start: utc(start), end: utc(end) });
const stored = (start: string, end: string, announcedAt: string | null = null): StoredGap => ({
  ...gap(start, end),
  announcedAt: announcedAt && utc(announcedAt),
});
const ANNOUNCED = '2027-05-03T06:00Z';
/** A stored gap's row rewritten to `to`'s bounds and announcement. */
const moved = (from: StoredGap, to: StoredGap) => ({ previousStart: from.start, gap: to });
/** A reconciliation that does only what `parts` says: every other list is empty. */
const only = (parts: Partial<GapReconciliation>): GapReconciliation => ({
  keep: [],
  update: [],
  insert: [],
  delete: [],
  ...parts,
});

describe('reconcileGaps (a gap is announced once however often it is scanned)', () => {
  it('keeps a gap found again with the same bounds', () => {
    const weekend = stored('2027-05-08T00:00Z', '2027-05-10T00:00Z', ANNOUNCED);
    expect(
      reconcileGaps([weekend], [gap('2027-05-08T00:00Z', '2027-05-10T00:00Z')], '2027-05-03T07:00Z'),
    ).toEqual(only({ keep: [weekend] }));
  });

  it('keeps the start of a gap under way when the next scan cuts it at its own now, and stays announced', () => {
    const underWay = stored('2027-05-03T06:00Z', '2027-05-17T06:00Z', ANNOUNCED);
    const found = [gap('2027-05-03T06:01Z', '2027-05-17T06:01Z')];
    expect(reconcileGaps([underWay], found, '2027-05-03T06:01Z')).toEqual(
      only({ update: [moved(underWay, stored('2027-05-03T06:00Z', '2027-05-17T06:01Z', ANNOUNCED))] }),
    );
  });

  it('moves the bounds of a future gap an edit changed, still announced', () => {
    const weekend = stored('2027-05-08T00:00Z', '2027-05-10T00:00Z', ANNOUNCED);
    const found = [gap('2027-05-08T06:00Z', '2027-05-10T00:00Z')];
    expect(reconcileGaps([weekend], found, '2027-05-03T07:00Z').update).toEqual([
      moved(weekend, stored('2027-05-08T06:00Z', '2027-05-10T00:00Z', ANNOUNCED)),
    ]);
  });

  it('inserts only genuinely new gaps unannounced, and deletes gaps no longer found', () => {
    const covered = stored('2027-05-08T00:00Z', '2027-05-10T00:00Z', ANNOUNCED);
    const found = [gap('2027-05-12T00:00Z', '2027-05-12T08:00Z')];
    expect(reconcileGaps([covered], found, '2027-05-03T07:00Z')).toEqual(
      only({ insert: [stored('2027-05-12T00:00Z', '2027-05-12T08:00Z')], delete: [covered.start] }),
    );
  });

  it('keeps both parts of an announced gap an override splits announced', () => {
    const weekend = stored('2027-05-08T00:00Z', '2027-05-10T00:00Z', ANNOUNCED);
    const found = [
      gap('2027-05-08T00:00Z', '2027-05-09T00:00Z'),
      gap('2027-05-09T04:00Z', '2027-05-10T00:00Z'),
    ];
    expect(reconcileGaps([weekend], found, '2027-05-03T07:00Z')).toEqual(
      only({
        update: [moved(weekend, stored('2027-05-08T00:00Z', '2027-05-09T00:00Z', ANNOUNCED))],
        insert: [stored('2027-05-09T04:00Z', '2027-05-10T00:00Z', ANNOUNCED)],
      }),
    );
  });

  it('joins two stored gaps an edit merges into one row, announced as the earlier announcement', () => {
    const saturday = stored('2027-05-08T00:00Z', '2027-05-09T00:00Z', null);
    const sunday = stored('2027-05-09T04:00Z', '2027-05-10T00:00Z', ANNOUNCED);
    const found = [gap('2027-05-08T00:00Z', '2027-05-10T00:00Z')];
    expect(reconcileGaps([sunday, saturday], found, '2027-05-03T07:00Z')).toEqual(
      only({
        update: [moved(saturday, stored('2027-05-08T00:00Z', '2027-05-10T00:00Z', ANNOUNCED))],
        delete: [sunday.start],
      }),
    );
  });

  it('deletes a gap that is over, and treats a later gap that does not touch it as new', () => {
    const over = stored('2027-05-03T01:00Z', '2027-05-03T05:00Z', ANNOUNCED);
    const found = [gap('2027-05-03T08:00Z', '2027-05-03T09:00Z')];
    expect(reconcileGaps([over], found, '2027-05-03T07:00Z')).toEqual(
      only({ insert: [stored('2027-05-03T08:00Z', '2027-05-03T09:00Z')], delete: [over.start] }),
    );
  });
});
