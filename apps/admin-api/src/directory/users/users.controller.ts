import { Body, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './user.dto';
import { UsersDirectory } from './users.directory';
import { ApiController } from '../../shared/api-controller.decorator';

@ApiController('users', 'api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersDirectory) {}

  @Get()
  @Requires('directory:read')
  list(@Caller() caller: RequestContext, @Query() query: ListUsersQueryDto) {
    return this.users.list(caller, query);
  }

  @Get(':id')
  @Requires('directory:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(caller, id);
  }

  @Post()
  @Requires('directory:write')
  create(@Caller() caller: RequestContext, @Body() body: CreateUserDto) {
    return this.users.create(caller, body);
  }

  /** Hub overwrites name, e-mail and role at the person's next sign-in (auth/principal-provisioner.ts). */
  @Patch(':id')
  @Requires('directory:write')
  update(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(caller, id, body);
  }

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
