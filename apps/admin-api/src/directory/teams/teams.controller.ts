import { Body, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { ApiController } from '../../shared/api-controller.decorator';
import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateTeamDto, ReplaceTeamMembersDto, UpdateTeamDto } from './team.dto';
import { TeamsDirectory } from './teams.directory';

/** A team's routes beside the directory set's five. */
class TeamMemberRoutes {
  constructor(private readonly teams: TeamsDirectory) {}

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

@ApiController('teams', 'api/v1/teams')
export class TeamsController extends directoryCrudRoutes(CreateTeamDto, UpdateTeamDto, TeamMemberRoutes) {
  constructor(teams: TeamsDirectory) {
    super(teams);
  }
}
