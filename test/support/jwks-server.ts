import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** A stand-in for Hub's JWKS endpoint: a real HTTP server whose key set the test can rotate. */
export class JwksServer {
  private keys: object[] = [];
  requests = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<JwksServer> {
    const holder: { instance?: JwksServer } = {};
    const server = createServer((request, response) => {
      const instance = holder.instance!;
      instance.requests += 1;
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: instance.keys }));
    });
    const instance = new JwksServer(server);
    holder.instance = instance;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  publish(keys: object[]): void {
    this.keys = keys;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
