import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PolicyServiceRef, Queries } from '@oncall/contracts';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { PolicyServices } from './policy-services';

const MAX_POLICIES = 1000;

/**
 * `Queries.directory.servicesByPolicies`: which of the organization's services start each policy (the
 * coverage-gap scanner names the services a gap leaves dark). Every asked policy id is a key.
 */
@Controller()
export class ServicesByPoliciesHandler {
  constructor(private readonly services: PolicyServices) {}

  @MessagePattern(Queries.directory.servicesByPolicies)
  async handle(
    @OrgRequest() { orgId, data }: OrgRequest<{ policyIds: string[] }>,
  ): Promise<Record<string, PolicyServiceRef[]>> {
    const policyIds: unknown = data?.policyIds;
    if (
      !Array.isArray(policyIds) ||
      policyIds.length > MAX_POLICIES ||
      !policyIds.every((id) => typeof id === 'string')
    ) {
      throw new RpcError(
        'VALIDATION_FAILED',
        `policyIds must be a list of up to ${MAX_POLICIES} policy ids.`,
        {
          errors: [{ field: 'policyIds', message: 'must be a list of policy ids' }],
        },
      );
    }
    return Object.fromEntries(await this.services.byPolicy(orgId, policyIds as string[]));
  }
}
