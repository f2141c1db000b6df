import { decodeListCursor, encodeListCursor } from '@oncall/contracts';
import { validationFailed } from '../policies/policy-requests';

/** Opaque list cursor: the last row's created_at (to the microsecond) and id (ADR 0083). */
export function encodePolicyCursor(createdAt: string, id: string): string {
  return encodeListCursor({ at: createdAt, id });
}

export function decodePolicyCursor(cursor: string): { createdAt: string; id: string } {
  const position = decodeListCursor(cursor, 'us');
  if (!position) {
    throw validationFailed([
      { path: 'cursor', message: 'is not one this API returned; start again without it' },
    ]);
  }
  return { createdAt: position.at, id: position.id };
}
