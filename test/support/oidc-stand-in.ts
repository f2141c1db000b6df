import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface StandInAccount {
  org_id: string;
  role: 'manager' | 'technician' | 'owner';
  email: string;
  name: string;
}

/**
 * Hub, stood in by a real OpenID Connect provider (`oidc-provider`) in a child process. Its port is chosen
 * before it starts so that admin-api can be configured with the issuer first; the redirect URI (admin-api's
 * address) is given when it starts.
 */
export class OidcStandIn {
  private constructor(
    readonly issuer: string,
    private readonly child: ChildProcess,
  ) {}

  static async freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  static async start(options: {
    port: number;
    clientId: string;
    spaUrl: string;
    audience: string;
    accounts: Record<string, StandInAccount>;
  }): Promise<OidcStandIn> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-stand-in.child.mjs')], {
      env: {
        ...process.env,
        OIDC_PORT: String(options.port),
        OIDC_CLIENT_ID: options.clientId,
        OIDC_REDIRECT_URI: `${options.spaUrl}/auth/callback`,
        OIDC_POST_LOGOUT_URI: `${options.spaUrl}/`,
        OIDC_AUDIENCE: options.audience,
        OIDC_ACCOUNTS: JSON.stringify(options.accounts),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const issuer = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`OIDC stand-in did not start: ${output}`)), 15_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /ready (\S+)/.exec(output);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`OIDC stand-in exited (${code}): ${output}`)));
    });
    return new OidcStandIn(issuer, child);
  }

  /** Access tokens issued from now on last 5 seconds. */
  shortenAccessTokens(): void {
    this.child.kill('SIGUSR2');
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  close(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
