import { Injectable } from '@nestjs/common';
import { DEFAULT_TICKET_MODE, DEFAULT_URGENCY_RULE } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { queryRows } from '@oncall/platform-persistence';
import { RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IntegrationRow, toIntegrationView } from '../integrations/integration.view';
import { ChangeRecorder, sameView } from '../shared/change-recorder';
import { conflict } from '../shared/directory-errors';
import { ResourceWrites, namedResourceWrites } from '../shared/directory-transaction';
import { requireOrgReference } from '../shared/org-references';
import { findOrgRow } from '../shared/org-rows';
import { OrgViewsDirectory } from '../shared/org-views';
import { requireEscalationPolicy } from './escalation-policy-reference';
import { CreateServiceDto, UpdateServiceDto } from './service.dto';
import { ServiceRow, ServiceView, toServiceView } from './service.view';
import { normalizedUrgencyRule } from './urgency-rule.dto';

/** Services of the organization: the client and team they belong to, and how urgent their incidents are. */
@Injectable()
export class ServicesDirectory extends OrgViewsDirectory<ServiceRow, ServiceView> {
  private readonly writes: ResourceWrites<ServiceView>;

  constructor(
    dataSource: DataSource,
    private readonly changes: ChangeRecorder,
    private readonly bus: MessageBus,
  ) {
    super(dataSource, 'services', toServiceView);
    this.writes = namedResourceWrites(dataSource, changes, 'service');
  }

  create(context: RequestContext, dto: CreateServiceDto): Promise<ServiceView> {
    return this.writes.write(async (tx) => {
      await this.requireReferences(tx, context, dto, null);
      const [row] = await queryRows<ServiceRow>(
        tx,
        `INSERT INTO services (id, org_id, name, description, client_id, team_id, escalation_policy_id, urgency_rule,
           ticket_mode, grouping, ack_timeout_seconds, auto_resolve_seconds)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
        [
          randomUUID(),
          context.orgId,
          dto.name,
          dto.description ?? '',
          dto.clientId ?? null,
          dto.teamId ?? null,
          dto.escalationPolicyId ?? null,
          JSON.stringify(normalizedUrgencyRule(dto.urgencyRule ?? DEFAULT_URGENCY_RULE)),
          dto.ticketMode ?? DEFAULT_TICKET_MODE,
          dto.grouping ? JSON.stringify(dto.grouping) : null,
          dto.ackTimeoutSeconds ?? null,
          dto.autoResolveSeconds ?? null,
        ],
      );
      return this.writes.record(tx, context, row.id, 'created', null, toServiceView(row));
    });
  }

  /** A patch that changes nothing updates nothing and records nothing. */
  update(context: RequestContext, id: string, dto: UpdateServiceDto): Promise<ServiceView> {
    return this.writes.write(async (tx) => {
      const current = await findOrgRow<ServiceRow>(tx, 'services', context.orgId, id, { forUpdate: true });
      await this.requireReferences(tx, context, dto, current.escalation_policy_id);
      const given = <T>(value: T | undefined, kept: T) => (value !== undefined ? value : kept);
      const lower = (value: string | null) => value?.toLowerCase() ?? null;
      const next: ServiceRow = {
        ...current,
        name: dto.name ?? current.name,
        description: dto.description ?? current.description,
        client_id: lower(given(dto.clientId, current.client_id)),
        team_id: lower(given(dto.teamId, current.team_id)),
        escalation_policy_id: lower(given(dto.escalationPolicyId, current.escalation_policy_id)),
        urgency_rule: dto.urgencyRule ? normalizedUrgencyRule(dto.urgencyRule) : current.urgency_rule,
        ticket_mode: dto.ticketMode ?? current.ticket_mode,
        grouping: given(dto.grouping, current.grouping),
        ack_timeout_seconds: given(dto.ackTimeoutSeconds, current.ack_timeout_seconds),
        auto_resolve_seconds: given(dto.autoResolveSeconds, current.auto_resolve_seconds),
      };
      const before = toServiceView(current);
      if (sameView(before, toServiceView(next))) return before;
      const [row] = await queryRows<ServiceRow>(
        tx,
        `UPDATE services SET name = $3, description = $4, client_id = $5, team_id = $6, escalation_policy_id = $7,
           urgency_rule = $8, ticket_mode = $9, grouping = $10, ack_timeout_seconds = $11,
           auto_resolve_seconds = $12, updated_at = now()
         WHERE org_id = $1 AND id = $2 RETURNING *`,
        [
          context.orgId,
          id,
          next.name,
          next.description,
          next.client_id,
          next.team_id,
          next.escalation_policy_id,
          JSON.stringify(next.urgency_rule),
          next.ticket_mode,
          next.grouping ? JSON.stringify(next.grouping) : null,
          next.ack_timeout_seconds,
          next.auto_resolve_seconds,
        ],
      );
      return this.writes.record(tx, context, id, 'updated', before, toServiceView(row));
    });
  }

  /**
   * A service with a live integration cannot be deleted: alerts would be refused. Revoked integrations
   * go with it (each recorded as deleted), their keys being dead already.
   */
  remove(context: RequestContext, id: string): Promise<void> {
    return this.writes.write(async (tx) => {
      const current = await findOrgRow<ServiceRow>(tx, 'services', context.orgId, id, { forUpdate: true });
      const integrations: IntegrationRow[] = await tx.query(
        'SELECT * FROM integrations WHERE org_id = $1 AND service_id = $2 ORDER BY created_at, id FOR UPDATE',
        [context.orgId, id],
      );
      const live = integrations.filter((row) => row.revoked_at === null).length;
      if (live > 0) {
        throw conflict(
          `Service ${current.name} has ${live} integration(s) that are not revoked; revoke them first.`,
          'SERVICE_HAS_INTEGRATIONS',
        );
      }
      for (const integration of integrations) {
        await tx.query('DELETE FROM integrations WHERE id = $1', [integration.id]);
        await this.changes.record(tx, context, {
          resourceType: 'integration',
          resourceId: integration.id,
          action: 'deleted',
          before: toIntegrationView(integration),
          after: null,
        });
      }
      await tx.query('DELETE FROM services WHERE org_id = $1 AND id = $2', [context.orgId, id]);
      await this.writes.record(tx, context, id, 'deleted', toServiceView(current), null);
    });
  }

  private async requireReferences(
    tx: EntityManager,
    context: RequestContext,
    dto: UpdateServiceDto,
    currentPolicyId: string | null,
  ) {
    if (dto.clientId) await requireOrgReference(tx, 'clients', context.orgId, dto.clientId, 'clientId');
    if (dto.teamId) await requireOrgReference(tx, 'teams', context.orgId, dto.teamId, 'teamId');
    // Asked only when the policy changes: renaming a service does not depend on escalation answering.
    if (dto.escalationPolicyId && dto.escalationPolicyId.toLowerCase() !== currentPolicyId) {
      await requireEscalationPolicy(tx, this.bus.rpc, context, dto.escalationPolicyId);
    }
  }
}
