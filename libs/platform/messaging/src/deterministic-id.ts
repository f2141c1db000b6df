import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from a name within a service's namespace: the same fact always gets
 * the same message id, so JetStream drops a republished copy and a consumer that dedups by event id
 * records it once whatever happens upstream.
 */
export function deterministicUuid(namespace: string, name: string): string {
  const hex = createHash('sha1').update(`${namespace}:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
