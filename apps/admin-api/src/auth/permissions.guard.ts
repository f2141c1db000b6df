import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Permission, Principal, roleAllows } from '@oncall/platform-auth';
import { LOGGER, problem, PUBLIC_ROUTE } from '@oncall/platform-runtime';
import type { Request } from 'express';
import { Logger } from 'pino';
import { REQUIRED_PERMISSION } from './requires.decorator';

/**
 * Runs after token verification. A route must name its permission with @Requires (or be @PublicRoute);
 * a route that names neither is refused for everyone, so a forgotten decorator fails closed.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const principal = context.switchToHttp().getRequest<Request & { user: Principal }>().user;
    if (!permission) {
      this.logger.error({ route: context.getHandler().name }, 'Route has no @Requires permission; refusing');
      throw forbidden('This route is not open to any role.');
    }
    if (!roleAllows(principal.role, permission)) {
      throw forbidden(`Your role (${principal.role}) does not allow ${permission}.`);
    }
    return true;
  }
}

function forbidden(detail: string): ForbiddenException {
  return new ForbiddenException(problem(403, detail, { code: 'FORBIDDEN' }));
}
