import { badRequestFor } from '@oncall/platform-runtime';
import type { Request } from 'express';
import getRawBody from 'raw-body';

/**
 * Reads a JSON object body of at most `limitBytes`. Every refusal is a 400 naming `body`, so a sender
 * knows the payload itself is at fault (too large, not JSON, not an object).
 */
export async function readJsonObjectBody(
  request: Request,
  limitBytes: number,
): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await getRawBody(request, { limit: limitBytes });
  } catch (error) {
    if ((error as { type?: string }).type === 'entity.too.large') {
      throw badRequestFor([{ field: 'body', message: `body must be at most ${limitBytes} bytes` }]);
    }
    throw badRequestFor([{ field: 'body', message: 'body could not be read' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequestFor([{ field: 'body', message: 'body must be valid JSON' }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequestFor([{ field: 'body', message: 'body must be a JSON object' }]);
  }
  return parsed as Record<string, unknown>;
}
