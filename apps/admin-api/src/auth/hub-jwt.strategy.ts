import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { parseHubClaims, Principal } from '@oncall/platform-auth';
import { problem } from '@oncall/platform-runtime';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { ExtractJwt, SecretOrKeyProvider, Strategy } from 'passport-jwt';
import { PrincipalProvisioner } from './principal-provisioner';
import { KeySourceUnavailableError, SigningKeys } from './signing-keys';
import { TOKEN_VERIFICATION, TokenVerification } from './token-verification';

export const HUB_JWT = 'hub-jwt';
export { KeySourceUnavailableError } from './signing-keys';

/** The only algorithms a token may be signed with: never `none`, never HMAC (ADR 0008). */
const ALGORITHMS = ['RS256', 'ES256'] as const;

/**
 * Verifies bearer tokens (the Authorization header only: a token never travels in a URL): signature by a
 * key of the key set (ADR 0080: read whole, kept, re-read at most once per interval), RS256/ES256 only,
 * issuer, audience and expiry; then every claim On-Call reads, for type and shape (ADR 0081).
 */
@Injectable()
export class HubJwtStrategy extends PassportStrategy(Strategy, HUB_JWT) {
  constructor(
    @Inject(TOKEN_VERIFICATION) verification: TokenVerification,
    private readonly provisioner: PrincipalProvisioner,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: keyProvider(verification.signingKeys),
      algorithms: [...ALGORITHMS],
      issuer: verification.issuer,
      audience: verification.audience,
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(request: Request, payload: unknown): Promise<Principal> {
    const parsed = parseHubClaims(payload);
    if (!parsed.ok) {
      throw new UnauthorizedException(
        problem(401, `The token is not usable: ${parsed.problem}.`, { code: 'UNAUTHENTICATED' }),
      );
    }
    const { claims, expiresAt } = parsed;
    const correlationId = (request as Request & { correlationId: string }).correlationId;
    const principal = await this.provisioner.principalFor(claims, correlationId);
    return { ...principal, expiresAt };
  }
}

/**
 * The key named by the token's header. No key (an unknown kid, an algorithm we refuse, not a JWT at all)
 * makes passport-jwt fail the token: a 401. Only a key source that cannot be read while no key is known is
 * reported as such, so the guard answers 503.
 */
function keyProvider(keys: SigningKeys): SecretOrKeyProvider {
  return (_request, rawJwtToken, done) => {
    const header = jwt.decode(String(rawJwtToken), { complete: true })?.header;
    if (!header || !(ALGORITHMS as readonly string[]).includes(header.alg)) return done(null, undefined);
    keys.keyFor(typeof header.kid === 'string' ? header.kid : undefined).then(
      (key) => done(null, key),
      (error: unknown) =>
        done(error instanceof KeySourceUnavailableError ? error : new KeySourceUnavailableError(error)),
    );
  };
}
