import { Injectable } from '@nestjs/common';
import { RoutingRule, validateRoutingRules } from '@oncall/dedup-domain';
import { badRequestFor, RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { ChangeRecorder } from '../shared/change-recorder';

export interface RoutingRulesView {
  rules: RoutingRule[];
}

/**
 * An organization's client routing rules (ADR 0175): replaced as a whole (order is meaning), each
 * naming a service of the organization; published to the correlator's copy in the same transaction.
 */
@Injectable()
export class RoutingRulesDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ChangeRecorder,
  ) {}

  async get(context: RequestContext): Promise<RoutingRulesView> {
    const rows: { rules: RoutingRule[] }[] = await this.dataSource.query(
      'SELECT rules FROM routing_rules WHERE org_id = $1',
      [context.orgId],
    );
    return { rules: rows[0]?.rules ?? [] };
  }

  replace(context: RequestContext, rules: unknown[]): Promise<RoutingRulesView> {
    return this.dataSource.transaction(async (tx) => {
      const services: { id: string }[] = await tx.query(
        'SELECT id::text AS id FROM services WHERE org_id = $1 FOR KEY SHARE',
        [context.orgId],
      );
      const problems = validateRoutingRules(rules, new Set(services.map((service) => service.id)));
      if (problems.length > 0) {
        throw badRequestFor(
          problems.map(({ field, message }) => ({ field, message: `${field} ${message}` })),
        );
      }
      const current: { rules: RoutingRule[] }[] = await tx.query(
        'SELECT rules FROM routing_rules WHERE org_id = $1 FOR UPDATE',
        [context.orgId],
      );
      const before = current[0] ? { rules: current[0].rules } : null;
      const after = { rules: rules as RoutingRule[] };
      await tx.query(
        `INSERT INTO routing_rules (org_id, rules) VALUES ($1, $2)
         ON CONFLICT (org_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now()`,
        [context.orgId, JSON.stringify(rules)],
      );
      await this.changes.recordIfChanged(tx, context, {
        resourceType: 'routingRules',
        resourceId: context.orgId,
        action: before ? 'updated' : 'created',
        before,
        after,
      });
      return after;
    });
  }
}
