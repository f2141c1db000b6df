import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  JsonWebKey,
  KeyObject,
  randomUUID,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import jwt from 'jsonwebtoken';
import { HubClaims } from './principal';

export const DEV_ISSUER = 'oncall-dev';
export const DEV_AUDIENCE = 'oncall-api';

export interface DevSigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWK with kid/alg/use, ready for a JWKS document. */
  publicJwk: JsonWebKey & { kid: string; alg: string; use: string };
}

/**
 * The development stand-in for Hub's signing key: an ES256 key pair kept in a local file (created on first
 * use, mode 0600, ignored by git) so `npm run token` and admin-api agree without any network.
 */
export function loadOrCreateDevSigningKey(file: string): DevSigningKey {
  if (!existsSync(file)) createDevSigningKey(file);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { kid: string; jwk: JsonWebKey };
  const privateKey = createPrivateKey({ key: stored.jwk, format: 'jwk' });
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return {
    kid: stored.kid,
    privateKey,
    publicJwk: { ...publicJwk, kid: stored.kid, alg: 'ES256', use: 'sig' },
  };
}

/**
 * Writes a new key beside `file`, then links it in place: the link appears whole or not at all, and fails
 * when another process (a second admin-api replica starting at the same moment) linked its key first, whose
 * key every process then reads.
 */
export function createDevSigningKey(file: string): void {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  mkdirSync(dirname(file), { recursive: true });
  const stored = { kid: `dev-${randomUUID()}`, jwk: privateKey.export({ format: 'jwk' }) };
  const draft = `${file}.${process.pid}.${randomUUID()}`;
  writeFileSync(draft, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

export function signDevToken(key: DevSigningKey, claims: HubClaims, expiresInSeconds = 12 * 3600): string {
  return jwt.sign(claims, key.privateKey, {
    algorithm: 'ES256',
    keyid: key.kid,
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    expiresIn: expiresInSeconds,
  });
}
