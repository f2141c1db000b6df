/**
 * Child process for the messaging fault tests, so that what happens to a real process is what is tested
 * (an unhandled rejection ends it; SIGKILL leaves no chance to hand anything back).
 * MODE=consume: consumes durable DURABLE of stream WORK (defaults of DurableConsumer), prints `CONSUMING`,
 * then `HANDLING <n>` and never finishes the handler. MODE=respond: answers `oncall.qry.test.*`, `huge` with
 * 2 MiB and anything else with a small answer, and prints `READY`.
 */
import { createLogger } from '@oncall/platform-observability';
import { DurableConsumer } from '../durable-consumer';
import { MessageBus } from '../message-bus';
import { RpcResponder } from '../rpc-responder';

async function main(): Promise<void> {
  const env = process.env as Record<string, string>;
  const bus = await MessageBus.connect({
    url: env.NATS_URL,
    connectionName: `bus-child-${env.MODE}`,
    subjectPrefix: env.NATS_SUBJECT_PREFIX,
    streams: [],
  });
  const logger = createLogger('bus-child', 'silent');
  if (env.MODE === 'consume') {
    const consumer = new DurableConsumer(
      bus.js,
      bus.jsm,
      bus.namespace,
      { stream: 'WORK', durable: env.DURABLE, filterSubject: 'work.>' },
      async (envelope) => {
        process.stdout.write(`HANDLING ${(envelope.data as { n: number }).n}\n`);
        await new Promise(() => undefined);
      },
      logger,
    );
    await consumer.start();
    process.stdout.write('CONSUMING\n');
  } else {
    const responder = new RpcResponder(bus.nc, bus.namespace, 'child', logger);
    responder.listen('oncall.qry.test.*', async (_request, subject) =>
      subject.endsWith('huge') ? { blob: 'x'.repeat(2 * 1024 * 1024) } : { ok: true, pid: process.pid },
    );
    await bus.nc.flush();
    process.stdout.write('READY\n');
  }
}

void main();
