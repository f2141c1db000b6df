import { listCursors } from '@oncall/contracts';
import { readCursor } from '@oncall/platform-messaging';

/** Keyset position in the incident list: (triggered_at, id) of the last row of the previous page. */
export interface IncidentCursor {
  triggeredAt: string;
  id: string;
}

export function encodeCursor(cursor: IncidentCursor): string {
  return listCursors.ms.encode([cursor.triggeredAt, cursor.id]);
}

/**
 * The position a cursor names; a cursor this API did not issue (tampered with, 30 February, year 0, an id
 * that is not a UUID) is a VALIDATION_FAILED naming `cursor`, never a database error (ADR 0083).
 */
export function decodeCursor(value: string): IncidentCursor {
  const [triggeredAt, id] = readCursor(listCursors.ms, value);
  return { triggeredAt, id };
}
