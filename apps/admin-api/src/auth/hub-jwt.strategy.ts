import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HubClaims, Principal, ROLES } from '@oncall/platform-auth';
import type { Request } from 'express';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { PrincipalProvisioner } from './principal-provisioner';
import { TOKEN_VERIFICATION, TokenVerification } from './token-verification';

export const HUB_JWT = 'hub-jwt';

export const LIVE_STREAM_PATH = '/api/v1/live/incidents';

/** EventSource cannot set headers: the live stream alone accepts the token as a query parameter. */
function liveStreamToken(request: Request): string | null {
  const token = request.path === LIVE_STREAM_PATH ? request.query.access_token : undefined;
  return typeof token === 'string' ? token : null;
}

/**
 * Verifies bearer tokens: signature by a key of the JWKS (fetched, cached, re-fetched for an unknown kid so
 * rotated keys are picked up), RS256/ES256 only (never `none` or HMAC), issuer, audience and expiry.
 */
@Injectable()
export class HubJwtStrategy extends PassportStrategy(Strategy, HUB_JWT) {
  constructor(
    @Inject(TOKEN_VERIFICATION) verification: TokenVerification,
    private readonly provisioner: PrincipalProvisioner,
  ) {
    const localKeys = verification.localJwks?.keys;
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([ExtractJwt.fromAuthHeaderAsBearerToken(), liveStreamToken]),
      secretOrKeyProvider: passportJwtSecret({
        jwksUri: verification.jwksUri,
        cache: true,
        cacheMaxAge: 10 * 60 * 1000,
        rateLimit: true,
        jwksRequestsPerMinute: 10,
        ...(localKeys ? { getKeysInterceptor: () => localKeys as never } : {}),
      }),
      algorithms: ['RS256', 'ES256'],
      issuer: verification.issuer,
      audience: verification.audience,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(request: Request, claims: Partial<HubClaims>): Promise<Principal> {
    const { sub, org_id, email, name, role } = claims;
    if (!sub || !org_id || !email || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new UnauthorizedException('Token lacks sub, org_id, email or a known role');
    }
    const correlationId = (request as Request & { correlationId: string }).correlationId;
    return this.provisioner.principalFor(
      { sub, org_id, org_name: claims.org_name, email, name: name ?? email, role },
      correlationId,
    );
  }
}
