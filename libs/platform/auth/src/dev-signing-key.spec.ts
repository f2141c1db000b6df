import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevSigningKey, loadOrCreateDevSigningKey } from './dev-signing-key';

describe('the development signing key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dev-key-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created once and read back by every later caller', () => {
    const file = join(dir, 'keys', 'dev-signing-key.json');
    const first = loadOrCreateDevSigningKey(file);
    expect(loadOrCreateDevSigningKey(file).kid).toBe(first.kid);
    expect(first.publicJwk).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
      kid: first.kid,
    });
  });

  it('a process that found no key but lost the race to create it keeps the winner’s key and leaves no draft', () => {
    const file = join(dir, 'dev-signing-key.json');
    const winner = loadOrCreateDevSigningKey(file);
    expect(() => createDevSigningKey(file)).not.toThrow();
    expect(loadOrCreateDevSigningKey(file).kid).toBe(winner.kid);
    expect(readdirSync(dir)).toEqual(['dev-signing-key.json']);
  });
});
