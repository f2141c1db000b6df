import { listCursors } from '@oncall/contracts';
import { readCursor } from '@oncall/platform-messaging';

/** Opaque list cursor: the last row's created_at (to the microsecond) and id (ADR 0083). */
export function encodePolicyCursor(createdAt: string, id: string): string {
  return listCursors.us.encode([createdAt, id]);
}

export function decodePolicyCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = readCursor(listCursors.us, cursor);
  return { createdAt, id };
}
