import { createLogger } from '@oncall/platform-observability';
import { createTestNamespace, REPO_ROOT, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DurableConsumer } from './durable-consumer';
import { MessageBus } from './message-bus';
import { RpcError } from './rpc-errors';
import { closeTestBus, openTestBus, WORK, workEnvelope } from './testing/test-bus';

const logger = createLogger('messaging-faults-test', 'silent');
const context = { orgId: 'org-1', correlationId: 'c', causationId: null };

const envelope = (n: number) => workEnvelope({ n });

/** A real process (testing/bus-child.ts); `lines` collects what it prints. */
function spawnChild(env: Record<string, string>): { child: ChildProcess; lines: string[] } {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'scripts/run-ts.js'), join(__dirname, 'testing/bus-child.ts')],
    { cwd: REPO_ROOT, env: { ...process.env, NATS_URL: TEST_NATS_URL, ...env }, stdio: 'pipe' },
  );
  const lines: string[] = [];
  child.stdout!.on('data', (data: Buffer) => lines.push(...data.toString().split('\n').filter(Boolean)));
  child.stderr!.on('data', (data: Buffer) => lines.push(data.toString()));
  return { child, lines };
}

describe('Messaging faults in real processes', () => {
  let namespace: { prefix: string; cleanup(): Promise<void> };
  let bus: MessageBus;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    namespace = createTestNamespace('msgfault');
    bus = await openTestBus(namespace, TEST_NATS_URL, 'messaging-faults-test', [WORK]);
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    await closeTestBus(bus, namespace);
  });

  it('redelivers the message of a consumer killed mid-handler within seconds, not after 30 s', async () => {
    const durable = 'crash';
    const { child, lines } = spawnChild({
      MODE: 'consume',
      DURABLE: durable,
      NATS_SUBJECT_PREFIX: namespace.prefix,
    });
    children.push(child);
    // A cold child compiles its TypeScript first: slow on a busy machine.
    await waitFor('the child consuming', () => lines.includes('CONSUMING'), { timeoutMs: 45_000 });
    await bus.publisher.publish('work.a', envelope(1));
    await waitFor('the child handling the message', () => lines.includes('HANDLING 1'), {
      timeoutMs: 15_000,
    });
    // Long enough for heartbeats to have run: the deadline was being extended when the process died.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    child.kill('SIGKILL');
    const killedAt = Date.now();

    const received: { n: number; deliveryCount: number; afterMs: number }[] = [];
    const survivor = new DurableConsumer(
      bus.js,
      bus.jsm,
      bus.namespace,
      { stream: 'WORK', durable, filterSubject: 'work.>' },
      async (env, delivery) => {
        const n = (env.data as { n: number }).n;
        received.push({ n, deliveryCount: delivery.deliveryCount, afterMs: Date.now() - killedAt });
      },
      logger,
    );
    await survivor.start();
    await waitFor('the message redelivered to the survivor', () => received.length > 0, {
      timeoutMs: 20_000,
    });
    await survivor.stop();
    expect(received[0]).toMatchObject({ n: 1, deliveryCount: 2 });
    expect(received[0].afterMs).toBeLessThan(10_000); // ack wait 5 s; it was 30 s
  }, 90_000);

  it('keeps a slow message its own while the handler runs past the ack wait (heartbeats), delivering it once', async () => {
    const deliveries: number[] = [];
    const slow = (name: string) =>
      new DurableConsumer(
        bus.js,
        bus.jsm,
        bus.namespace,
        { stream: 'WORK', durable: 'slow', filterSubject: 'work.>', ackWaitMs: 1_000, maxAckPending: 10 },
        async (env) => {
          deliveries.push((env.data as { n: number }).n);
          if (name === 'a' || name === 'b') await new Promise((resolve) => setTimeout(resolve, 3_500));
        },
        logger,
      );
    const [a, b] = [slow('a'), slow('b')];
    await a.start();
    await b.start();
    await bus.publisher.publish('work.a', envelope(7));
    await waitFor('handled', () => deliveries.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    await Promise.all([a.stop(), b.stop()]);
    expect(deliveries).toEqual([7]);
  }, 20_000);

  it('answers an over-limit reply with RESPONSE_TOO_LARGE and keeps serving, in a process that does not die', async () => {
    const { child, lines } = spawnChild({ MODE: 'respond', NATS_SUBJECT_PREFIX: namespace.prefix });
    children.push(child);
    await waitFor('the responder ready', () => lines.includes('READY'), { timeoutMs: 45_000 });
    for (let round = 0; round < 3; round++) {
      const refused = await bus.rpc
        .request('oncall.qry.test.huge', {}, context)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RpcError);
      expect((refused as RpcError).code).toBe('RESPONSE_TOO_LARGE');
      expect((refused as RpcError).message).not.toContain('oncall.');
      await expect(bus.rpc.request('oncall.qry.test.small', {}, context)).resolves.toMatchObject({
        ok: true,
        pid: child.pid,
      });
    }
    expect([child.exitCode, child.signalCode]).toEqual([null, null]);
  }, 75_000);
});
