import { Injectable } from '@nestjs/common';
import { PolicyServiceRef } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { isUuid } from '../directory/shared/uuid';

/** The directory's services by the escalation policy they start, within one organization. */
@Injectable()
export class PolicyServices {
  constructor(private readonly dataSource: DataSource) {}

  /** Every asked policy id is a key (with [] when no service uses it); services sorted by name. */
  async byPolicy(orgId: string, policyIds: readonly string[]): Promise<Map<string, PolicyServiceRef[]>> {
    const asked = new Map(policyIds.map((id) => [id.toLowerCase(), id]));
    const answer = new Map(policyIds.map((id): [string, PolicyServiceRef[]] => [id, []]));
    const ids = [...asked.keys()].filter(isUuid);
    if (ids.length === 0) return answer;
    const rows: { id: string; name: string; escalation_policy_id: string }[] = await this.dataSource.query(
      `SELECT id, name, escalation_policy_id FROM services
       WHERE org_id = $1 AND escalation_policy_id = ANY($2::uuid[]) ORDER BY name, id`,
      [orgId, ids],
    );
    for (const row of rows) {
      const key = asked.get(row.escalation_policy_id) ?? row.escalation_policy_id;
      answer.get(key)?.push({ serviceId: row.id, name: row.name });
    }
    return answer;
  }
}
