import { INTEGRATION_TYPES, IntegrationState } from '@oncall/contracts';
import fc from 'fast-check';
import { IntegrationIndex } from './integration-index';

function integration(overrides: Partial<IntegrationState> = {}): IntegrationState {
  return {
    integrationId: 'int-1',
    orgId: 'org-1',
    serviceId: 'svc-1',
    type: 'generic',
    name: 'Nagios',
    keyHash: 'hash-1',
    active: true,
    createdAt: '2027-01-01T10:00:00.000000Z',
    ...overrides,
  };
}

describe('IntegrationIndex', () => {
  it.each<[string, (IntegrationState | null)[], string, boolean]>([
    ['finds a live integration by its key hash', [integration()], 'hash-1', true],
    ['forgets a revoked one at once', [integration(), integration({ active: false })], 'hash-1', false],
    ['never indexes one revoked from the start', [integration({ active: false })], 'hash-1', false],
    ['forgets a deleted one', [integration(), null], 'hash-1', false],
    [
      'forgets the old key of a rotated one',
      [integration(), integration({ keyHash: 'hash-2' })],
      'hash-1',
      false,
    ],
    [
      'finds the new key of a rotated one',
      [integration(), integration({ keyHash: 'hash-2' })],
      'hash-2',
      true,
    ],
  ])('%s', (_, views, keyHash, found) => {
    const index = new IntegrationIndex();
    let previous: IntegrationState | null = null;
    for (const view of views) {
      index.update(previous, view);
      previous = view;
    }
    expect(index.liveByKeyHash(keyHash) !== undefined).toBe(found);
  });

  it("answers an organization's oldest live integration of a type, skipping revoked ones", () => {
    const index = new IntegrationIndex();
    const newer = integration({
      integrationId: 'b',
      keyHash: 'hb',
      type: 'defend',
      createdAt: '2027-01-02T00:00:00.000000Z',
    });
    const older = integration({
      integrationId: 'c',
      keyHash: 'hc',
      type: 'defend',
      createdAt: '2027-01-01T00:00:00.000000Z',
    });
    index.update(null, newer);
    index.update(null, older);
    index.update(null, integration({ integrationId: 'd', keyHash: 'hd', orgId: 'org-2', type: 'defend' }));
    expect(index.oldestLiveFor('org-1', 'defend')?.integrationId).toBe('c');
    index.update(older, { ...older, active: false });
    expect(index.oldestLiveFor('org-1', 'defend')?.integrationId).toBe('b');
    expect(index.oldestLiveFor('org-1', 'generic')).toBeUndefined();
    expect(index.oldestLiveFor('org-3', 'defend')).toBeUndefined();
  });

  it('agrees with a scan of the latest views after any sequence of changes', () => {
    const change = fc.record({
      integrationId: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
      deleted: fc.boolean(),
      view: fc.record({
        orgId: fc.constantFrom('o1', 'o2'),
        type: fc.constantFrom(...INTEGRATION_TYPES.slice(0, 2)),
        keyHash: fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5'),
        active: fc.boolean(),
        createdAt: fc.constantFrom('2027-01-01T00:00:00.000000Z', '2027-01-02T00:00:00.000000Z'),
      }),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const index = new IntegrationIndex();
        const latest = new Map<string, IntegrationState>();
        const keyHashesInUse = new Map<string, string>();
        for (const { integrationId, deleted, view } of changes) {
          // Key hashes are unique among integrations (a 128-bit random key): keep the generated ones so.
          const owner = keyHashesInUse.get(view.keyHash);
          if (!deleted && owner !== undefined && owner !== integrationId) continue;
          const current = deleted ? null : integration({ ...view, integrationId });
          const previous = latest.get(integrationId);
          index.update(previous, current);
          if (previous) keyHashesInUse.delete(previous.keyHash);
          if (current) {
            latest.set(integrationId, current);
            keyHashesInUse.set(current.keyHash, integrationId);
          } else latest.delete(integrationId);
        }
        const live = [...latest.values()].filter((view) => view.active);
        for (const hash of ['h1', 'h2', 'h3', 'h4', 'h5']) {
          expect(index.liveByKeyHash(hash)).toEqual(live.find((view) => view.keyHash === hash));
        }
        for (const orgId of ['o1', 'o2'])
          for (const type of INTEGRATION_TYPES.slice(0, 2)) {
            const oldest = live
              .filter((view) => view.orgId === orgId && view.type === type)
              .sort(
                (a, b) =>
                  a.createdAt.localeCompare(b.createdAt) || a.integrationId.localeCompare(b.integrationId),
              )[0];
            expect(index.oldestLiveFor(orgId, type)).toEqual(oldest);
          }
        expect(index.size).toBe(live.length);
      }),
    );
  });
});
