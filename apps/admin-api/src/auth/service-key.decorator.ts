import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { presentedServiceKey, serviceKeyMatches } from '@oncall/platform-auth';
import { problem, PublicRoute } from '@oncall/platform-runtime';
import type { Request } from 'express';
import { AdminApiConfig } from '../admin-api.config';

export const SERVICE_KEY = 'oncall:service-key';

/** The configuration variables that hold a machine key admin-api accepts. */
export type ServiceKeyName = 'HUB_BILLING_KEY';

/**
 * A route for a machine caller rather than a person: it needs the key configured in `name`
 * (`Authorization: Bearer <key>` or `X-Service-Key`), compared in constant time, instead of a user token.
 * An unconfigured key refuses everyone. The route is taken out of the user-token guards (it is listed among
 * the public routes in test/authorization-table.e2e-spec.ts) and put behind ServiceKeyGuard in one step, so
 * one cannot be done without the other.
 */
export const ServiceKey = (name: ServiceKeyName) =>
  applyDecorators(PublicRoute(), SetMetadata(SERVICE_KEY, name), UseGuards(ServiceKeyGuard));

@Injectable()
export class ServiceKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AdminApiConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const name = this.reflector.getAllAndOverride<ServiceKeyName | undefined>(SERVICE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const headers = context.switchToHttp().getRequest<Request>().headers;
    if (!name || !serviceKeyMatches(presentedServiceKey(headers), this.config[name])) {
      throw new UnauthorizedException(
        problem(401, 'This endpoint needs the service key it was configured with.', {
          code: 'UNAUTHENTICATED',
        }),
      );
    }
    return true;
  }
}
