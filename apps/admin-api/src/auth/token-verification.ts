import { DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevSigningKey } from '@oncall/platform-auth';
import { InvalidConfigurationError } from '@oncall/platform-config';
import { AdminApiConfig } from '../admin-api.config';

export const TOKEN_VERIFICATION = Symbol('TOKEN_VERIFICATION');

/**
 * Where token keys come from and what the token must say. With Hub configured: Hub's JWKS URL, issuer and
 * audience. Without: the local development key, served at /.well-known/jwks.json and handed to the very
 * same JWKS client, so development exercises the production verification path.
 */
export interface TokenVerification {
  mode: 'hub' | 'development';
  jwksUri: string;
  issuer: string;
  audience: string;
  /** Development only: the keys the JWKS client uses instead of fetching. */
  localJwks?: { keys: object[] };
}

export function tokenVerificationFor(config: AdminApiConfig): TokenVerification {
  if (config.HUB_JWKS_URL && config.HUB_ISSUER && config.HUB_AUDIENCE) {
    return {
      mode: 'hub',
      jwksUri: config.HUB_JWKS_URL,
      issuer: config.HUB_ISSUER,
      audience: config.HUB_AUDIENCE,
    };
  }
  if (config.NODE_ENV === 'production') {
    // A production deployment that forgot Hub must not quietly trust a key minted on the pod.
    throw new InvalidConfigurationError(
      'HUB_JWKS_URL',
      'is not set (Hub SSO is required when NODE_ENV=production)',
    );
  }
  const key = loadOrCreateDevSigningKey(config.DEV_SIGNING_KEY_FILE);
  return {
    mode: 'development',
    jwksUri: 'http://development.invalid/.well-known/jwks.json',
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    localJwks: { keys: [key.publicJwk] },
  };
}
