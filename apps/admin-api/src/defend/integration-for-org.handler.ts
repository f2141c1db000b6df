import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IntegrationCredential,
  IntegrationForOrgQuery,
  IntegrationType,
  Queries,
  RpcRequest,
} from '@oncall/contracts';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';

/**
 * For machines that post for many organizations (Defend): the organization's oldest live integration of a
 * type. The organization is the request's context, set by the gateway once it verified the caller
 * (ADR 0010), like every other organization-scoped request; a payload naming another one is refused.
 */
@Controller()
export class IntegrationForOrgHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.directory.integrationForOrg)
  async handle(
    @Payload() request: RpcRequest<IntegrationForOrgQuery>,
  ): Promise<IntegrationCredential | null> {
    const { orgId } = organizationContextOf(request);
    if (request.data.orgId !== undefined && request.data.orgId !== orgId) {
      throw new RpcError('FORBIDDEN', 'The query names another organization than its context.');
    }
    const rows: { id: string; org_id: string; service_id: string; type: IntegrationType }[] =
      await this.dataSource.query(
        `SELECT id, org_id, service_id, type FROM integrations
       WHERE org_id = $1 AND type = $2 AND revoked_at IS NULL ORDER BY created_at, id LIMIT 1`,
        [orgId, request.data.type],
      );
    const row = rows[0];
    return row
      ? { orgId: row.org_id, integrationId: row.id, serviceId: row.service_id, type: row.type, active: true }
      : null;
  }
}
