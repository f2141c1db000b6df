import { ALERT_PARTITIONS, alertPartitionOf, alertReceivedSubject } from './alert-partitions';

describe('alert partitions', () => {
  it('puts every alert of a key on the same partition, and spreads keys over all of them', () => {
    const counts = new Array(ALERT_PARTITIONS).fill(0);
    for (let i = 0; i < 16_000; i++) counts[alertPartitionOf('int-1', `key-${i}`)]++;
    expect(alertPartitionOf('int-1', 'disk-full')).toBe(alertPartitionOf('int-1', 'disk-full'));
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1_200);
  });

  it('is pinned: a changed hash would reorder keys in flight across a deploy', () => {
    expect([
      alertPartitionOf('a', 'b'),
      alertPartitionOf('00000000-0000-0000-0000-000000000001', 'x'),
    ]).toEqual([0, 12]);
    expect(alertReceivedSubject(3)).toBe('oncall.evt.ingest.alert-received.v1.3');
  });
});
