import { Agent, request } from 'node:http';

/**
 * POSTs JSON over kept-alive connections with node:http. A load generator built on `fetch` spent more CPU
 * per request than the gateway it measured (undici's fetch layer), and it shares the machine's two cores.
 */
export class HttpPoster {
  private readonly agent: Agent;

  constructor(connections: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Resolves with the status code; rejects on a connection error or after `timeoutMs`. */
  post(url: string, body: string, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const sent = request(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: timeoutMs,
        },
        (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
          response.once('error', reject);
        },
      );
      sent.once('timeout', () => sent.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      sent.once('error', reject);
      sent.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
