import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HubClaims, Principal, ROLES } from '@oncall/platform-auth';
import type { Request } from 'express';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, SecretOrKeyProvider, Strategy } from 'passport-jwt';
import { PrincipalProvisioner } from './principal-provisioner';
import { TOKEN_VERIFICATION, TokenVerification } from './token-verification';

export const HUB_JWT = 'hub-jwt';

/**
 * The key source (Hub's JWKS) could not be read: the token may well be valid, so the caller is told to try
 * again (503) rather than to sign in again (401). A key id the JWKS does not list is not this: it is a 401.
 */
export class KeySourceUnavailableError extends Error {
  constructor(cause: unknown) {
    const reason =
      cause instanceof Error ? cause.message : String((cause as { errorMsg?: unknown })?.errorMsg ?? cause);
    super(`The token signing keys could not be fetched: ${reason}`, { cause });
    this.name = 'KeySourceUnavailableError';
  }
}

/** Claims as they arrive: nothing is trusted to be present until validate() checked it. */
type VerifiedClaims = Partial<HubClaims> & { exp?: unknown; iat?: unknown };

/**
 * Verifies bearer tokens (the Authorization header only: a token never travels in a URL): signature by a
 * key of the JWKS (fetched, cached, re-fetched for an unknown kid so rotated keys are picked up), RS256/ES256
 * only (never `none` or HMAC), issuer, audience and expiry; a token without `exp` is refused.
 */
@Injectable()
export class HubJwtStrategy extends PassportStrategy(Strategy, HUB_JWT) {
  constructor(
    @Inject(TOKEN_VERIFICATION) verification: TokenVerification,
    private readonly provisioner: PrincipalProvisioner,
  ) {
    const localKeys = verification.localJwks?.keys;
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: reportingUnavailableKeys(
        passportJwtSecret({
          jwksUri: verification.jwksUri,
          cache: true,
          cacheMaxAge: 10 * 60 * 1000,
          rateLimit: true,
          jwksRequestsPerMinute: 10,
          timeout: 5_000,
          ...(localKeys ? { getKeysInterceptor: () => localKeys as never } : {}),
        }),
      ),
      algorithms: ['RS256', 'ES256'],
      issuer: verification.issuer,
      audience: verification.audience,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(request: Request, claims: VerifiedClaims): Promise<Principal> {
    const { sub, org_id, email, name, role, exp } = claims;
    if (!sub || !org_id || !email || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new UnauthorizedException('Token lacks sub, org_id, email or a known role');
    }
    // passport-jwt checks `exp` only when it is there: a token without one would be good forever.
    if (typeof exp !== 'number' || !Number.isFinite(exp)) {
      throw new UnauthorizedException('Token has no expiry (exp)');
    }
    const correlationId = (request as Request & { correlationId: string }).correlationId;
    const principal = await this.provisioner.principalFor(
      { sub, org_id, org_name: claims.org_name, email, name: name ?? email, role },
      correlationId,
    );
    return { ...principal, expiresAt: exp };
  }
}

/**
 * jwks-rsa answers a key it cannot find with no key (the token then fails verification: 401), and bubbles
 * up everything else: Hub unreachable, an error status, a rate limit. Those are marked, so the guard answers
 * 503 instead of telling the browser its token is bad.
 */
function reportingUnavailableKeys(provider: ReturnType<typeof passportJwtSecret>): SecretOrKeyProvider {
  return (request, rawJwtToken, done) =>
    provider(request, rawJwtToken, (error, key) =>
      error ? done(new KeySourceUnavailableError(error)) : done(null, key),
    );
}
