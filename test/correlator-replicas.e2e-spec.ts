import { ALERT_PARTITIONS } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';

/** Partitions a replica holds, as its own metrics report them. */
async function partitionsHeld(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = /oncall_correlator_partitions_held\{[^}]*\} (\d+)/.exec(text);
  return match ? Number(match[1]) : -1;
}

describe('Correlator replicas share the alert partitions', () => {
  let platform: PlatformHarness;

  beforeAll(async () => {
    platform = await PlatformHarness.create('corrshare');
    await platform.start('admin-api', 'dedup-grouping');
  }, 60_000);
  afterAll(() => platform.close());

  it('halves them when a second replica joins, and takes them all back when it leaves', async () => {
    const first = platform.url('dedup-grouping');
    await waitFor(
      'the first replica holds every partition',
      async () => (await partitionsHeld(first)) === ALERT_PARTITIONS,
    );
    const second = await platform.startReplica('dedup-grouping');
    await waitFor(
      'an even split',
      async () =>
        (await partitionsHeld(first)) === ALERT_PARTITIONS / 2 &&
        (await partitionsHeld(second.url)) === ALERT_PARTITIONS / 2,
      { timeoutMs: 15_000 },
    );
    await second.close();
    await waitFor(
      'the first replica holds them all again',
      async () => (await partitionsHeld(first)) === ALERT_PARTITIONS,
      {
        timeoutMs: 10_000,
      },
    );
  }, 60_000);
});
