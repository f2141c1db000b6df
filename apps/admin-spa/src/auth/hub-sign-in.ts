import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** Where Hub sends the browser back with the authorization code. */
export const CALLBACK_PATH = '/auth/callback';

/**
 * OpenID Connect against Hub: authorization code with PKCE (S256), discovery from the issuer. The tokens
 * live in memory only (ADR 0201): a script injected into the page cannot read them from storage, and a
 * reload signs in again (Hub's own session makes that a redirect, not a form). Only the one-time PKCE
 * verifier and state cross the redirect, in sessionStorage, and are removed when the code is redeemed.
 */
export function hubUserManager(
  issuer: string,
  clientId: string,
  origin = window.location.origin,
): UserManager {
  return new UserManager({
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // No silent renewal: it needs the SPA framed (refused by its own frame-ancestors) or refresh tokens in
    // the browser. When the access token ends, the SPA says so and offers to sign in again.
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

/** The address to come back to after signing in: where the viewer was, never the callback itself. */
export function returnPath(location: { pathname: string; search: string }): string {
  return location.pathname === CALLBACK_PATH ? '/' : `${location.pathname}${location.search}`;
}

/** Only a path of this SPA is followed after sign-in (the state is ours, but a path is all it may name). */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
