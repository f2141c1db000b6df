/**
 * A real SMTP server in a process of its own, as a relay is in production: the benchmark's notification
 * service does not share its event loop with the server it sends to. Reports over IPC: `{ url }` once
 * listening, then `{ received }` after each message accepted.
 */
import { startTestSmtpServer } from '../../apps/notification/src/senders/testing/test-smtp-server';

async function main(): Promise<void> {
  const server = await startTestSmtpServer();
  process.send?.({ url: server.url });
  let reported = 0;
  setInterval(() => {
    if (server.received.length === reported) return;
    reported = server.received.length;
    server.received.length = 0; // counted, not kept: the sink must not grow
    process.send?.({ received: reported });
    reported = 0;
  }, 5);
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
}

void main();
