import { ExecutionContext, HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { problem, PUBLIC_ROUTE } from '@oncall/platform-runtime';
import { HUB_JWT } from './hub-jwt.strategy';

/**
 * Global guard: every HTTP route needs a valid token unless marked @PublicRoute(). Bus handlers are not
 * HTTP and are protected by the NATS connection's credentials instead.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(HUB_JWT) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, principal: T): T {
    // A refusal decided after the token was verified (a deactivated account) keeps its own status.
    if (error instanceof HttpException && !(error instanceof UnauthorizedException)) throw error;
    if (error || !principal) {
      throw new UnauthorizedException(
        problem(401, 'A valid bearer token is required (missing, expired, or not signed by a trusted key).', {
          code: 'UNAUTHENTICATED',
        }),
      );
    }
    return principal;
  }
}
