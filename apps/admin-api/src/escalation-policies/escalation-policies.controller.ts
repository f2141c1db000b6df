import { CursorPageQueryDto } from '@oncall/contracts';
import { Body, Delete, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';

import {
  DeleteEscalationPolicyQueryDto,
  EscalationPolicyDto,
  ReplaceEscalationPolicyDto,
} from './escalation-policy.dto';
import { EscalationPoliciesService } from './escalation-policies.service';
import { ApiController } from '../shared/api-controller.decorator';
import { collectionRoutes } from '../shared/collection-routes';

/** A policy's routes after list, get and create: it is replaced whole, and deleted. */
class PolicyChangeRoutes {
  constructor(private readonly policies: EscalationPoliciesService) {}

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

/** Who is paged, in which order, when an incident of a service is not acknowledged. */
@ApiController('escalation-policies', 'api/v1/escalation-policies')
export class EscalationPoliciesController extends collectionRoutes(
  { read: 'escalation-policies:read', write: 'escalation-policies:write' },
  EscalationPolicyDto,
  CursorPageQueryDto,
  PolicyChangeRoutes,
) {
  constructor(policies: EscalationPoliciesService) {
    super(policies);
  }
}
