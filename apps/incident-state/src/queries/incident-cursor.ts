import { RpcError } from '@oncall/platform-messaging';

/** Keyset position in the incident list: (triggered_at, id) of the last row of the previous page. */
export interface IncidentCursor {
  triggeredAt: string;
  id: string;
}

// What encodeCursor writes: Date#toISOString and a UUID. Anything else was not issued by this API.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: IncidentCursor): string {
  return Buffer.from(JSON.stringify([cursor.triggeredAt, cursor.id])).toString('base64url');
}

/** The position a cursor names; a cursor this API did not issue (or one tampered with) is a VALIDATION_FAILED. */
export function decodeCursor(value: string): IncidentCursor {
  const position = parse(value);
  if (!position) {
    const message = 'cursor is not a cursor returned by this API; start again without it.';
    throw new RpcError('VALIDATION_FAILED', message, { errors: [{ field: 'cursor', message }] });
  }
  return position;
}

function parse(value: string): IncidentCursor | null {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) return null;
  const [triggeredAt, id] = decoded as unknown[];
  const validInstant =
    typeof triggeredAt === 'string' &&
    ISO_INSTANT.test(triggeredAt) &&
    !Number.isNaN(Date.parse(triggeredAt));
  if (!validInstant || typeof id !== 'string' || !UUID.test(id)) return null;
  return { triggeredAt, id };
}
