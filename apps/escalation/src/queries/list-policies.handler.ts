import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EscalationPolicyPage, ListEscalationPoliciesQuery, Queries, RpcRequest } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { validationFailed } from '../policies/policy-requests';
import { toPolicyView } from '../policies/policy-row';
import { decodePolicyCursor, encodePolicyCursor } from './policy-cursor';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

/** The policies of the caller's organization, oldest first, a page at a time. */
@Controller()
export class ListPoliciesHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
  ) {}

  @MessagePattern(Queries.escalation.listPolicies)
  async handle(@Payload() request: RpcRequest<ListEscalationPoliciesQuery>): Promise<EscalationPolicyPage> {
    const { orgId } = organizationContextOf(request);
    const limit = request.data?.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw validationFailed([{ path: 'limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` }]);
    }
    const after = request.data?.cursor ? decodePolicyCursor(request.data.cursor) : null;
    const rows = await this.store.page(this.dataSource.manager, orgId, limit, after);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toPolicyView),
      nextCursor: rows.length > limit && last ? encodePolicyCursor(last.page_key, last.id) : null,
    };
  }
}
