import jwt from 'jsonwebtoken';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PlatformHarness } from './platform-harness';

/** The issuer and audience admin-api is told to expect of Hub's tokens. */
export const HUB_ISSUER = 'https://hub.test';
export const HUB_AUDIENCE = 'oncall';

/** A key pair as Hub holds one: the private half signs, the public half is published as a JWK. */
export interface HubKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  jwk: object;
}

export function hubKey(kid: string, alg: HubKey['alg']): HubKey {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, alg, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

/** `claims` signed as Hub signs them (the key's kid, Hub's issuer and audience, five minutes); `options` override. */
export function signHubToken(key: HubKey, claims: object, options: jwt.SignOptions = {}): string {
  return jwt.sign(claims, key.privateKey, {
    algorithm: key.alg,
    keyid: key.kid,
    issuer: HUB_ISSUER,
    audience: HUB_AUDIENCE,
    expiresIn: 300,
    ...options,
  });
}

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

/** admin-api on a platform of its own, trusting the key set a JwksServer publishes as Hub's. */
export class HubStage {
  private constructor(
    readonly jwks: JwksServer,
    readonly platform: PlatformHarness,
  ) {}

  static async start(label: string, keys: HubKey[]): Promise<HubStage> {
    const jwks = await JwksServer.start();
    jwks.publish(keys.map((key) => key.jwk));
    const platform = await PlatformHarness.create(label);
    platform.configure({ HUB_JWKS_URL: jwks.url, HUB_ISSUER, HUB_AUDIENCE });
    await platform.start('admin-api');
    return new HubStage(jwks, platform);
  }

  async close(): Promise<void> {
    await this.platform.close();
    await this.jwks.close();
  }
}
