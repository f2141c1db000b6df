import { Injectable } from '@nestjs/common';
import { UrgencyRule } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { isUuid } from '../shared/uuid';

export interface RoutingRow {
  id: string;
  org_id: string;
  name: string;
  escalation_policy_id: string | null;
  urgency_rule: UrgencyRule;
}

/** What dedup-grouping asks of a service: its policy and urgency rule; undefined when not the org's. */
@Injectable()
export class ServiceRoutingReader {
  constructor(private readonly dataSource: DataSource) {}

  async routingOf(orgId: string, serviceId: string): Promise<RoutingRow | undefined> {
    if (!isUuid(serviceId)) return undefined;
    const rows: RoutingRow[] = await this.dataSource.query(
      'SELECT id, org_id, name, escalation_policy_id, urgency_rule FROM services WHERE id = $1 AND org_id = $2',
      [serviceId, orgId],
    );
    return rows[0];
  }
}
