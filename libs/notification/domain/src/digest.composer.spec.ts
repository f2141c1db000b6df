import fc from 'fast-check';
import type { Severity } from '@oncall/incident-domain';
import { composeDigest, type HeldPage } from './digest.composer';

const held = (key: string, incidentId: string, severity: Severity, heldAt: string, title = incidentId): HeldPage => ({
  idempotencyKey: key, orgId: 'org-1', userId: 'user-alice', incidentId, title, severity,
  serviceName: 'Servers', clientName: 'Contoso', heldAt,
}); // prettier-ignore

describe('composeDigest', () => {
  it('lists one entry per incident, most severe first then oldest first, with the pages it stands for', () => {
    const digest = composeDigest([
      held('k3', 'inc-b', 'warning', '2027-03-01T02:00:03Z'),
      held('k1', 'inc-a', 'critical', '2027-03-01T02:00:05Z'),
      held('k2', 'inc-c', 'warning', '2027-03-01T02:00:01Z'),
      held('k4', 'inc-a', 'critical', '2027-03-01T02:00:02Z', 'Disk full (updated)'),
    ]);
    expect(digest.idempotencyKey).toBe('digest:k1');
    expect(digest.pageCount).toBe(4);
    expect(digest.entries.map((e) => [e.incidentId, e.title, e.pageKeys, e.firstHeldAt])).toEqual([
      ['inc-a', 'inc-a', ['k4', 'k1'], '2027-03-01T02:00:02Z'],
      ['inc-c', 'inc-c', ['k2'], '2027-03-01T02:00:01Z'],
      ['inc-b', 'inc-b', ['k3'], '2027-03-01T02:00:03Z'],
    ]);
  });

  it('shows the latest facts of an incident paged several times', () => {
    const digest = composeDigest([
      held('k1', 'inc-a', 'warning', '2027-03-01T02:00:01Z', 'Disk 90%'),
      held('k2', 'inc-a', 'critical', '2027-03-01T02:00:09Z', 'Disk full'),
    ]);
    expect(digest.entries).toMatchObject([{ title: 'Disk full', severity: 'critical' }]);
  });

  it('counts a page held twice (a redelivered request) once', () => {
    const page = held('k1', 'inc-a', 'high', '2027-03-01T02:00:01Z');
    expect(composeDigest([page, page])).toMatchObject({ pageCount: 1, entries: [{ pageKeys: ['k1'] }] });
  });

  it('refuses an empty digest and pages of several people', () => {
    expect(() => composeDigest([])).toThrow('a digest needs at least one held page');
    const bobs = { ...held('k2', 'inc-a', 'high', '2027-03-01T02:00:01Z'), userId: 'user-bob' };
    expect(() => composeDigest([held('k1', 'inc-a', 'high', '2027-03-01T02:00:01Z'), bobs])).toThrow(
      'a digest is for one person',
    );
  });

  it('puts every held page in exactly one entry, and distinct batches get distinct keys', () => {
    const page = fc
      .record({
        key: fc.string({ minLength: 1, maxLength: 6 }),
        incidentId: fc.constantFrom('inc-1', 'inc-2', 'inc-3'),
        severity: fc.constantFrom<Severity>('critical', 'high', 'warning', 'info'),
        second: fc.integer({ min: 0, max: 59 }),
      })
      .map((p) =>
        held(p.key, p.incidentId, p.severity, `2027-03-01T02:00:${String(p.second).padStart(2, '0')}Z`),
      );
    const batches = fc.uniqueArray(page, { selector: (p) => p.idempotencyKey, minLength: 2 });
    fc.assert(
      fc.property(batches, fc.nat(), (pages, cut) => {
        const split = 1 + (cut % (pages.length - 1));
        const digests = [composeDigest(pages.slice(0, split)), composeDigest(pages.slice(split))];
        const keys = digests.flatMap((d) => d.entries.flatMap((e) => e.pageKeys)).sort();
        expect(keys).toEqual(pages.map((p) => p.idempotencyKey).sort());
        expect(digests[0].idempotencyKey).not.toBe(digests[1].idempotencyKey);
      }),
    );
  });
});
