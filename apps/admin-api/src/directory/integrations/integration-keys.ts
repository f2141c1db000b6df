import { createHash, randomBytes } from 'node:crypto';

/**
 * A new integration key: 128 random bits as 32 hex characters (the shape PagerDuty senders expect of a
 * routing key). Only its SHA-256 is stored; with that much entropy a fast hash is safe to index and compare.
 */
export function generateIntegrationKey(): { key: string; hash: string; hint: string } {
  const key = randomBytes(16).toString('hex');
  return { key, hash: hashIntegrationKey(key), hint: key.slice(-4) };
}

export function hashIntegrationKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
