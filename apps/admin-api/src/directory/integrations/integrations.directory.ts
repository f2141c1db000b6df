import { Injectable } from '@nestjs/common';
import { CursorPage, CursorPageQueryDto, DirectoryAction } from '@oncall/contracts';
import { queryRows } from '@oncall/platform-persistence';
import { RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeRecorder } from '../shared/change-recorder';
import { conflict } from '../shared/directory-errors';
import { directoryWrite } from '../shared/directory-transaction';
import { findOrgRow } from '../shared/org-rows';
import { pageOfOrgRows } from '../shared/pagination';
import { alertUrlFor } from './alert-url';
import { CreateIntegrationDto } from './integration.dto';
import { generateIntegrationKey } from './integration-keys';
import { IntegrationRow, IntegrationView, IssuedIntegrationKey, toIntegrationView } from './integration.view';

/**
 * Integrations of a service. A key is returned once, when it is issued (create, rotate); only its SHA-256
 * and last 4 characters are stored, and views, audit rows and events carry neither key nor hash.
 */
@Injectable()
export class IntegrationsDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ChangeRecorder,
  ) {}

  async list(
    context: RequestContext,
    serviceId: string,
    query: CursorPageQueryDto,
  ): Promise<CursorPage<IntegrationView>> {
    const db = this.dataSource.manager;
    await findOrgRow(db, 'services', context.orgId, serviceId);
    const filter = { sql: 'service_id = $2', params: [serviceId] };
    const page = await pageOfOrgRows<IntegrationRow>(db, 'integrations', context.orgId, query, filter);
    return { ...page, items: page.items.map(toIntegrationView) };
  }

  async get(context: RequestContext, id: string): Promise<IntegrationView> {
    return toIntegrationView(await findOrgRow(this.dataSource.manager, 'integrations', context.orgId, id));
  }

  create(
    context: RequestContext,
    serviceId: string,
    dto: CreateIntegrationDto,
    publicAlertsUrl: string | undefined,
  ): Promise<IssuedIntegrationKey> {
    return this.write(async (tx) => {
      await findOrgRow(tx, 'services', context.orgId, serviceId, { forKeyShare: true });
      const issued = generateIntegrationKey();
      const [row] = await queryRows<IntegrationRow>(
        tx,
        `INSERT INTO integrations (id, org_id, service_id, type, name, key_hash, key_hint)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [randomUUID(), context.orgId, serviceId, dto.type, dto.name, issued.hash, issued.hint],
      );
      const integration = await this.recorded(tx, context, 'created', null, row);
      return { integration, key: issued.key, alertUrl: alertUrlFor(publicAlertsUrl, row.type, issued.key) };
    });
  }

  /** A new key; the old one stops working (within the gateway's cache time, ADR 0006). */
  rotate(
    context: RequestContext,
    id: string,
    publicAlertsUrl: string | undefined,
  ): Promise<IssuedIntegrationKey> {
    return this.write(async (tx) => {
      const current = await findOrgRow<IntegrationRow>(tx, 'integrations', context.orgId, id, {
        forUpdate: true,
      });
      if (current.revoked_at !== null) {
        throw conflict(
          `Integration ${current.name} is revoked; create a new integration instead.`,
          'INTEGRATION_REVOKED',
        );
      }
      const issued = generateIntegrationKey();
      const [row] = await queryRows<IntegrationRow>(
        tx,
        `UPDATE integrations SET key_hash = $3, key_hint = $4, updated_at = now()
         WHERE org_id = $1 AND id = $2 RETURNING *`,
        [context.orgId, id, issued.hash, issued.hint],
      );
      const integration = await this.recorded(tx, context, 'rotated', current, row);
      return { integration, key: issued.key, alertUrl: alertUrlFor(publicAlertsUrl, row.type, issued.key) };
    });
  }

  /** Revoking twice changes nothing the second time. A revoked integration is never reactivated. */
  revoke(context: RequestContext, id: string): Promise<IntegrationView> {
    return this.write(async (tx) => {
      const current = await findOrgRow<IntegrationRow>(tx, 'integrations', context.orgId, id, {
        forUpdate: true,
      });
      if (current.revoked_at !== null) return toIntegrationView(current);
      const [row] = await queryRows<IntegrationRow>(
        tx,
        `UPDATE integrations SET revoked_at = now(), updated_at = now()
         WHERE org_id = $1 AND id = $2 RETURNING *`,
        [context.orgId, id],
      );
      return this.recorded(tx, context, 'revoked', current, row);
    });
  }

  private async recorded(
    tx: EntityManager,
    context: RequestContext,
    action: DirectoryAction,
    current: IntegrationRow | null,
    row: IntegrationRow,
  ): Promise<IntegrationView> {
    const after = toIntegrationView(row);
    const before = current === null ? null : toIntegrationView(current);
    await this.changes.record(tx, context, {
      resourceType: 'integration',
      resourceId: row.id,
      action,
      before,
      after,
    });
    return after;
  }

  private write<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return directoryWrite(this.dataSource, work, () =>
      conflict('This service already has a live integration with this name.', 'DUPLICATE_NAME'),
    );
  }
}
