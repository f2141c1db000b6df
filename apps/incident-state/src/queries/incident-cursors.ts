import { CURSOR_PROBLEM, CursorCodec, cursorCodec, CursorPart, CursorValues } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';

/** One incident's alerts: position of the last alert of the previous page (newest first). */
export const alertsCursor = cursorCodec('incident-alerts', ['integer'] as const);
/** One incident's timeline, and its notes: version of the last entry of the previous page. */
export const timelineCursor = cursorCodec('incident-timeline', ['integer'] as const);
export const notesCursor = cursorCodec('incident-notes', ['integer'] as const);

/** The position a cursor names; one this API did not issue (or one tampered with) is VALIDATION_FAILED. */
export function positionOf<const Parts extends readonly CursorPart[]>(
  codec: CursorCodec<Parts>,
  cursor: string,
): CursorValues<Parts> {
  const values = codec.decode(cursor);
  if (!values) {
    throw new RpcError('VALIDATION_FAILED', CURSOR_PROBLEM, {
      errors: [{ field: 'cursor', message: CURSOR_PROBLEM }],
    });
  }
  return values;
}
