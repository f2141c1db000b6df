import { appendToNumberedStreams } from './testing/numbered-stream-writers';
import { exitOf, useRelayBench } from './testing/relay-bench';

const STREAMS = 5;
const EVENTS_PER_STREAM = 10;

describe('Outbox relay killed between publishing and marking sent', () => {
  const bench = useRelayBench('relay', 'relay_test');

  it('puts every event on JetStream exactly once and in stream order after a restart', async () => {
    const written = await appendToNumberedStreams(bench.store(), {
      streams: STREAMS,
      versions: EVENTS_PER_STREAM,
      writers: 1,
      type: 'StepTaken',
    });

    const crashed = await runRelayChild({ CRASH_AFTER: '17' });
    expect(crashed.signal).toBe('SIGKILL');
    const publishedBeforeCrash = await bench.readIncidentStream('before-restart');
    // Killed in the wave holding the 17th publish: that whole wave is out, each stream a prefix in order.
    expect(publishedBeforeCrash.length).toBeGreaterThanOrEqual(17);
    expect(publishedBeforeCrash.length).toBeLessThan(written.length);
    for (let s = 0; s < STREAMS; s++) {
      const versions = publishedBeforeCrash.filter((m) => m.streamId === `stream-${s}`).map((m) => m.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    // The crash hit between publishing and marking sent: some published events are still in the outbox.
    const unsent = await bench.outboxMessageIds();
    expect(publishedBeforeCrash.filter((message) => unsent.includes(message.id)).length).toBeGreaterThan(0);

    const finished = await runRelayChild({});
    expect(finished.code).toBe(0);
    expect(await bench.outboxMessageIds()).toEqual([]);

    const delivered = await bench.readIncidentStream('after-restart');
    expect(delivered.map((m) => m.id).sort()).toEqual([...written].sort());
    expect(new Set(delivered.map((m) => m.id)).size).toBe(delivered.length);
    for (let s = 0; s < STREAMS; s++) {
      const versions = delivered.filter((m) => m.streamId === `stream-${s}`).map((m) => m.version);
      expect(versions).toEqual(Array.from({ length: EVENTS_PER_STREAM }, (_, i) => i + 1));
    }
  }, 60_000);

  function runRelayChild(env: Record<string, string>) {
    return exitOf(bench.spawnRelay({ UNTIL_DRAINED: '1', BATCH_SIZE: '1000', ...env }, 'inherit'));
  }
});
