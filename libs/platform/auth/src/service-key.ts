import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a presented machine key with the configured one in constant time (both hashed first, so the
 * lengths never leak either). An unconfigured key matches nothing.
 */
export function serviceKeyMatches(presented: string | undefined, configured: string | undefined): boolean {
  if (!presented || !configured) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(configured).digest();
  return timingSafeEqual(a, b);
}

/** The key from `Authorization: Bearer <key>` or `X-Service-Key: <key>`. */
export function presentedServiceKey(
  headers: Record<string, string | string[] | undefined>,
): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer '))
    return authorization.slice(7).trim();
  const header = headers['x-service-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}
