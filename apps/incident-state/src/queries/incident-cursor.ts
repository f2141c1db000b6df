import { CURSOR_REFUSAL, decodeListCursor, encodeListCursor } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';

/** Keyset position in the incident list: (triggered_at, id) of the last row of the previous page. */
export interface IncidentCursor {
  triggeredAt: string;
  id: string;
}

export function encodeCursor(cursor: IncidentCursor): string {
  return encodeListCursor({ at: cursor.triggeredAt, id: cursor.id });
}

/**
 * The position a cursor names; a cursor this API did not issue (tampered with, 30 February, year 0, an id
 * that is not a UUID) is a VALIDATION_FAILED naming `cursor`, never a database error (ADR 0083).
 */
export function decodeCursor(value: string): IncidentCursor {
  const position = decodeListCursor(value, 'ms');
  if (!position) {
    throw new RpcError('VALIDATION_FAILED', CURSOR_REFUSAL, {
      errors: [{ field: 'cursor', message: CURSOR_REFUSAL }],
    });
  }
  return { triggeredAt: position.at, id: position.id };
}
