/**
 * How people sign in here, as admin-api says (GET /api/v1/auth/config, public): through Hub (OpenID
 * Connect, authorization code + PKCE), or, without Hub, with a pasted development token.
 */
export type SignInConfig = { mode: 'hub'; issuer: string; clientId: string } | { mode: 'development' };

export const SIGN_IN_CONFIG_PATH = '/api/v1/auth/config';

/** Reads the answer; anything unexpected is development sign-in (the API refuses bad tokens anyway). */
export function parseSignInConfig(body: unknown): SignInConfig {
  if (typeof body !== 'object' || body === null) return { mode: 'development' };
  const { mode, issuer, clientId } = body as Record<string, unknown>;
  if (mode === 'hub' && typeof issuer === 'string' && issuer && typeof clientId === 'string' && clientId) {
    return { mode: 'hub', issuer, clientId };
  }
  return { mode: 'development' };
}

export async function loadSignInConfig(): Promise<SignInConfig> {
  const response = await fetch(SIGN_IN_CONFIG_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The sign-in settings could not be read (${response.status}).`);
  return parseSignInConfig(await response.json());
}
