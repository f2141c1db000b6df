import { Body, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { ApiController } from '../../shared/api-controller.decorator';
import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateTeamDto, ReplaceTeamMembersDto, UpdateTeamDto } from './team.dto';
import { TeamsDirectory } from './teams.directory';

@ApiController('teams', 'api/v1/teams')
export class TeamsController extends directoryCrudRoutes(CreateTeamDto, UpdateTeamDto) {
  constructor(private readonly teams: TeamsDirectory) {
    super(teams);
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
}
