import { CursorPageQueryDto } from '@oncall/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';

import { CreateTeamDto, ReplaceTeamMembersDto, UpdateTeamDto } from './team.dto';
import { TeamsDirectory } from './teams.directory';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('api/v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsDirectory) {}

  @Get()
  @Requires('directory:read')
  list(@Caller() caller: RequestContext, @Query() query: CursorPageQueryDto) {
    return this.teams.list(caller, query);
  }

  @Get(':id')
  @Requires('directory:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.teams.get(caller, id);
  }

  @Post()
  @Requires('directory:write')
  create(@Caller() caller: RequestContext, @Body() body: CreateTeamDto) {
    return this.teams.create(caller, body);
  }

  @Patch(':id')
  @Requires('directory:write')
  update(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateTeamDto,
  ) {
    return this.teams.update(caller, id, body);
  }

  @Put(':id/members')
  @Requires('directory:write')
  replaceMembers(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReplaceTeamMembersDto,
  ) {
    return this.teams.replaceMembers(caller, id, body.userIds);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('directory:write')
  remove(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.teams.remove(caller, id);
  }
}
