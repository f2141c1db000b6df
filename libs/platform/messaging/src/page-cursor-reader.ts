import { CURSOR_PROBLEM, CursorCodec, CursorPart, CursorValues, RpcErrorCodes } from '@oncall/contracts';
import { RpcError } from './rpc-errors';

/**
 * The values a cursor names, or VALIDATION_FAILED naming `cursor` (ADR 0083, 0094, 0190). The one way every
 * list reads a cursor, behind the bus or in admin-api: the HTTP filter turns this refusal into a 400 naming
 * `cursor`, so a forged cursor never reaches a query.
 */
export function readCursor<const Parts extends readonly CursorPart[]>(
  codec: CursorCodec<Parts>,
  cursor: unknown,
): CursorValues<Parts> {
  const values = codec.decode(cursor);
  if (!values) {
    throw new RpcError(RpcErrorCodes.validationFailed, CURSOR_PROBLEM, {
      errors: [{ field: 'cursor', message: CURSOR_PROBLEM }],
    });
  }
  return values;
}
