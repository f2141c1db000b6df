import { waitFor } from '@oncall/platform-testing';
import { ChildProcess } from 'node:child_process';
import { appendToNumberedStreams } from './testing/numbered-stream-writers';
import { exitOf, useRelayBench } from './testing/relay-bench';

const STREAMS = 24;
const VERSIONS = 25;

interface Replica {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/**
 * Three relay processes over one outbox (8 partitions, batches of 7, so partitions change hands all the
 * time) while writers append; one replica SIGKILLs itself between publishing and marking sent.
 */
describe('Outbox relay replicas (processes, real PostgreSQL and JetStream)', () => {
  const replicas: Replica[] = [];
  // Declared first, so it runs first: the replicas are killed before their database and namespace go.
  afterAll(async () => {
    for (const { child } of replicas)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(replicas.map((replica) => replica.exited));
  });
  const bench = useRelayBench('relayrep', 'relay_replicas');

  it('publishes every event once and each stream in order while replicas contend, and takes over from a killed one', async () => {
    const store = bench.store();
    replicas.push(startReplica({ CRASH_AFTER: '60' }), startReplica({}), startReplica({}));
    await waitFor('every replica relaying', () => replicas.every((r) => r.lines.includes('RELAYING')), { timeoutMs: 90_000 }); // prettier-ignore

    // Four writers, each appending to its own streams one version at a time, all at once.
    const written = await appendToNumberedStreams(store, {
      streams: STREAMS,
      versions: VERSIONS,
      writers: 4,
      type: 'StepTaken',
    });
    const crashed = await replicas[0].exited;
    expect(crashed.signal).toBe('SIGKILL');
    await waitFor('the outbox drained by the survivors', async () => (await bench.outboxMessageIds()).length === 0, { timeoutMs: 60_000, intervalMs: 100 }); // prettier-ignore
    for (const replica of replicas.slice(1)) replica.child.kill('SIGTERM');
    expect((await Promise.all(replicas.slice(1).map((r) => r.exited))).map((e) => e.code)).toEqual([0, 0]);

    const delivered = await bench.readIncidentStream('reader');
    expect(delivered).toHaveLength(STREAMS * VERSIONS);
    expect(new Set(delivered.map((m) => m.id))).toEqual(new Set(written));
    for (let s = 0; s < STREAMS; s++) {
      const versions = delivered.filter((m) => m.streamId === `stream-${s}`).map((m) => m.version);
      expect(versions).toEqual(Array.from({ length: VERSIONS }, (_, i) => i + 1));
    }
    // The survivors both relayed: the work was shared, not one replica doing it all.
    for (const replica of replicas.slice(1))
      expect(replica.lines.some((l) => l.startsWith('PUBLISHED'))).toBe(true);
  }, 180_000);

  function startReplica(env: Record<string, string>): Replica {
    const child = bench.spawnRelay(env, ['ignore', 'pipe', 'inherit']);
    const lines: string[] = [];
    child.stdout!.on('data', (data: Buffer) => lines.push(...data.toString().split('\n').filter(Boolean)));
    return { child, lines, exited: exitOf(child) };
  }
});
