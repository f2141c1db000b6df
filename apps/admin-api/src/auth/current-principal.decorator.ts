import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal } from '@oncall/platform-auth';
import type { Request } from 'express';

/** The verified caller of an HTTP route. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<Request & { user: Principal }>().user,
);
