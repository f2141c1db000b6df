/**
 * The pasted development token lives in sessionStorage: one tab, gone when the tab closes. Hub's tokens
 * never come here (they stay in memory, auth/hub-sign-in.ts).
 */
const KEY = 'oncall.token';

export function readToken(storage: Pick<Storage, 'getItem'> = sessionStorage): string | null {
  return storage.getItem(KEY) || null;
}

export function saveToken(token: string, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, token);
}

export function clearToken(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(KEY);
}

/** Accepts what people paste: surrounding blanks, a `Bearer ` prefix, or a whole Authorization header. */
export function normalizeToken(pasted: string): string {
  return pasted
    .trim()
    .replace(/^authorization:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .trim();
}
