import { Body, Get, Patch, UnauthorizedException } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { UpdateMeDto } from './user.dto';
import { UsersDirectory } from './users.directory';
import { ApiController } from '../../shared/api-controller.decorator';

/** The caller's own user, whatever their role: every role may read it and change its time zone. */
@ApiController('users', 'api/v1/me')
export class MeController {
  constructor(private readonly users: UsersDirectory) {}

  @Get()
  @Requires('directory:read')
  get(@Caller() caller: RequestContext) {
    return this.users.get(caller, selfOf(caller));
  }

  @Patch()
  @Requires('profile:write-own')
  update(@Caller() caller: RequestContext, @Body() body: UpdateMeDto) {
    return this.users.update(caller, selfOf(caller), { timeZone: body.timeZone });
  }
}

function selfOf(caller: RequestContext): string {
  // Unreachable behind JwtAuthGuard; kept so a route opened by mistake fails closed.
  if (!caller.principal) throw new UnauthorizedException();
  return caller.principal.userId;
}
