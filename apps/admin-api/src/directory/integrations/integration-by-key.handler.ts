import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IntegrationByKeyQuery,
  IntegrationCredential,
  IntegrationType,
  Queries,
  RpcRequest,
} from '@oncall/contracts';
import { DataSource } from 'typeorm';

interface IntegrationRow {
  id: string;
  org_id: string;
  service_id: string;
  type: IntegrationType;
  revoked_at: Date | null;
}

/** Answers the gateway: which integration (and organization) a key hash belongs to, and whether it is live. */
@Controller()
export class IntegrationByKeyHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.directory.integrationByKey)
  async handle(@Payload() request: RpcRequest<IntegrationByKeyQuery>): Promise<IntegrationCredential | null> {
    const rows: IntegrationRow[] = await this.dataSource.query(
      'SELECT id, org_id, service_id, type, revoked_at FROM integrations WHERE key_hash = $1',
      [request.data.keyHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      orgId: row.org_id,
      integrationId: row.id,
      serviceId: row.service_id,
      type: row.type,
      active: row.revoked_at === null,
    };
  }
}
