import { HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { ApiController } from '../../shared/api-controller.decorator';
import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './user.dto';
import { UsersDirectory } from './users.directory';

/**
 * A person's routes beside the directory set's four: people are deactivated, never deleted. Hub overwrites
 * name, e-mail and role of an update at the person's next sign-in (auth/principal-provisioner.ts).
 */
class UserActivationRoutes {
  constructor(private readonly users: UsersDirectory) {}

  @Post(':id/deactivate')
  @HttpCode(200)
  @Requires('directory:write')
  deactivate(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.setActive(caller, id, false);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @Requires('directory:write')
  reactivate(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.setActive(caller, id, true);
  }
}

@ApiController('users', 'api/v1/users')
export class UsersController extends directoryCrudRoutes(CreateUserDto, UpdateUserDto, UserActivationRoutes, {
  listQuery: ListUsersQueryDto,
  deletable: false,
}) {
  constructor(users: UsersDirectory) {
    super(users);
  }
}
