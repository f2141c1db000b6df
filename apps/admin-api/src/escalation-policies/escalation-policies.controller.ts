import { CursorPageQueryDto } from '@oncall/contracts';
import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';

import {
  DeleteEscalationPolicyQueryDto,
  EscalationPolicyDto,
  ReplaceEscalationPolicyDto,
} from './escalation-policy.dto';
import { EscalationPoliciesService } from './escalation-policies.service';
import { ApiController } from '../shared/api-controller.decorator';

/** Who is paged, in which order, when an incident of a service is not acknowledged. */
@ApiController('escalation-policies', 'api/v1/escalation-policies')
export class EscalationPoliciesController {
  constructor(private readonly policies: EscalationPoliciesService) {}

  @Get()
  @Requires('escalation-policies:read')
  list(@Caller() caller: RequestContext, @Query() query: CursorPageQueryDto) {
    return this.policies.list(caller, query);
  }

  @Get(':id')
  @Requires('escalation-policies:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.policies.get(caller, id);
  }

  @Post()
  @Requires('escalation-policies:write')
  create(@Caller() caller: RequestContext, @Body() body: EscalationPolicyDto) {
    return this.policies.create(caller, body);
  }

  /** Replaces the whole definition; pass `expectedVersion` to be refused (409) if someone changed it since. */
  @Put(':id')
  @Requires('escalation-policies:write')
  replace(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReplaceEscalationPolicyDto,
  ) {
    return this.policies.replace(caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('escalation-policies:write')
  remove(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DeleteEscalationPolicyQueryDto,
  ) {
    return this.policies.remove(caller, id, query.expectedVersion);
  }
}
