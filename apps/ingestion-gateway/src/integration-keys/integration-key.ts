import { createHash } from 'node:crypto';

/** Keys are 128 random bits as 32 lowercase hex characters (ADR 0006); nothing else can be a key. */
const INTEGRATION_KEY_SHAPE = /^[0-9a-f]{32}$/;

export function isIntegrationKeyShape(key: string): boolean {
  return INTEGRATION_KEY_SHAPE.test(key);
}

/** What the directory stores and publishes instead of the key. */
export function hashIntegrationKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
