import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  /** Raw messages in the order they were accepted. */
  readonly received: Buffer[];
  /** When each of `received` was accepted (epoch ms), same order. */
  readonly receivedAt: number[];
  /** Connections opened so far. */
  connections: number;
  close(): Promise<void>;
}

/** Decides a recipient: undefined accepts it, a code refuses it with that SMTP reply. */
export type RecipientPolicy = (address: string) => number | undefined;

/** A real SMTP server (smtp-server) on a free local port, plain text, no authentication. */
export async function startTestSmtpServer(recipientPolicy: RecipientPolicy = () => undefined, port = 0): Promise<TestSmtpServer> {
  const received: Buffer[] = [];
  const receivedAt: number[] = [];
  const state = { connections: 0 };
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    logger: false,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const code = recipientPolicy(address.address);
      callback(code ? Object.assign(new Error(`${code} refused by the test server`), { responseCode: code }) : null);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        receivedAt.push(Date.now());
        callback();
      });
    },
  });
  // A client killed mid-conversation resets its connection; that is the client's failure, not the server's.
  server.on('error', () => undefined);
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  const actualPort = (server.server.address() as AddressInfo).port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    receivedAt,
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
} // prettier-ignore
