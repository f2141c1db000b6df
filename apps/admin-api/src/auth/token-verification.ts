import { DEV_AUDIENCE, DEV_ISSUER, loadOrCreateDevSigningKey } from '@oncall/platform-auth';
import { InvalidConfigurationError } from '@oncall/platform-config';
import { JwksClient } from 'jwks-rsa';
import { AdminApiConfig } from '../admin-api.config';
import { PublicSigningKey, SigningKeys } from './signing-keys';

export const TOKEN_VERIFICATION = Symbol('TOKEN_VERIFICATION');

/** Known keys are re-read in the background after this. */
const KEY_SET_MAX_AGE_MS = 10 * 60 * 1000;
/**
 * At most one read of Hub's JWKS per this interval, whatever the traffic: a flood of unknown key ids costs
 * Hub one request per interval, and a key Hub has just published is picked up within it (ADR 0080).
 */
const KEY_SET_REFETCH_INTERVAL_MS = 5_000;

/**
 * Where token keys come from and what the token must say. With Hub configured: Hub's JWKS URL, issuer and
 * audience. Without: the local development key, served at /.well-known/jwks.json and handed to the very
 * same JWKS client and key set, so development exercises the production verification path.
 */
export interface TokenVerification {
  mode: 'hub' | 'development';
  issuer: string;
  audience: string;
  signingKeys: SigningKeys;
  /** Development only: the keys published at /.well-known/jwks.json. */
  localJwks?: { keys: object[] };
}

export function tokenVerificationFor(config: AdminApiConfig): TokenVerification {
  if (config.HUB_JWKS_URL && config.HUB_ISSUER && config.HUB_AUDIENCE) {
    return {
      mode: 'hub',
      issuer: config.HUB_ISSUER,
      audience: config.HUB_AUDIENCE,
      signingKeys: signingKeysOf(
        new JwksClient({ jwksUri: config.HUB_JWKS_URL, timeout: 5_000, cache: false }),
      ),
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
  const localJwks = { keys: [key.publicJwk] };
  const client = new JwksClient({
    jwksUri: 'http://development.invalid/.well-known/jwks.json',
    fetcher: async () => localJwks,
    cache: false,
  });
  return {
    mode: 'development',
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    signingKeys: signingKeysOf(client),
    localJwks,
  };
}

/** jwks-rsa reads the JWKS and turns its keys into PEM; SigningKeys decides when to read. */
function signingKeysOf(client: JwksClient): SigningKeys {
  const read = async (): Promise<PublicSigningKey[]> =>
    (await client.getSigningKeys()).map((key) => ({ kid: key.kid, publicKey: key.getPublicKey() }));
  return new SigningKeys(read, {
    maxAgeMs: KEY_SET_MAX_AGE_MS,
    refetchIntervalMs: KEY_SET_REFETCH_INTERVAL_MS,
  });
}
