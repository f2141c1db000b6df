import {
  ExecutionContext,
  HttpException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Principal } from '@oncall/platform-auth';
import { LOGGER, problem, PUBLIC_ROUTE } from '@oncall/platform-runtime';
import type { Request } from 'express';
import { Logger } from 'pino';
import { HUB_JWT } from './hub-jwt.strategy';
import { KeySourceUnavailableError } from './signing-keys';
import { LIVE_TICKET_ROUTE } from './live-ticket.decorator';
import { LiveTickets } from './live-tickets';

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked @PublicRoute() (or it carries a
 * machine key, see @ServiceKey). Routes marked @AcceptsLiveTicket() take a live ticket instead. Bus handlers
 * are not HTTP and are protected by the NATS connection's credentials instead.
 *
 * Only a missing or bad credential is a 401 (the SPA signs out on it). Hub's keys being unreachable is a 503;
 * anything else that fails while authenticating (the database, say) is an error of ours: it goes to the global
 * filter, which logs it and answers 500.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(HUB_JWT) {
  constructor(
    private readonly reflector: Reflector,
    private readonly tickets: LiveTickets,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (this.reflector.getAllAndOverride<boolean>(LIVE_TICKET_ROUTE, targets) && 'ticket' in request.query) {
      request.user = await this.principalForTicket(request.query.ticket);
      return true;
    }
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, principal: T, info?: unknown): T {
    // A refusal decided after the signature was verified (a claim of the wrong shape, a deactivated account,
    // an e-mail in use) keeps its status and its problem.
    if (error instanceof HttpException && (!(error instanceof UnauthorizedException) || isProblem(error)))
      throw error;
    // The database failing while provisioning, a bug: not the caller's fault, and it must be seen.
    if (error && !(error instanceof HttpException)) throw error;
    if (info instanceof KeySourceUnavailableError) {
      this.logger.warn({ err: info }, 'Token keys could not be fetched; answering 503');
      throw new ServiceUnavailableException(
        problem(503, 'The sign-in keys cannot be checked right now; try again shortly.', {
          code: 'AUTHENTICATION_UNAVAILABLE',
        }),
      );
    }
    if (error || !principal) throw unauthenticated();
    return principal;
  }

  private async principalForTicket(ticket: unknown): Promise<Principal> {
    const principal = typeof ticket === 'string' ? await this.tickets.redeem(ticket) : null;
    if (!principal) {
      throw new UnauthorizedException(
        problem(401, 'The live ticket is unknown, used already or expired; ask for a new one.', {
          code: 'UNAUTHENTICATED',
        }),
      );
    }
    return principal;
  }
}

function isProblem(error: HttpException): boolean {
  const body = error.getResponse();
  return typeof body === 'object' && body !== null && 'code' in body;
}

function unauthenticated(): UnauthorizedException {
  return new UnauthorizedException(
    problem(401, 'A valid bearer token is required (missing, expired, or not signed by a trusted key).', {
      code: 'UNAUTHENTICATED',
    }),
  );
}
