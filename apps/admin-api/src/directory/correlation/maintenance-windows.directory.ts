import { Injectable } from '@nestjs/common';
import { MaintenanceWindow, validateMaintenanceWindow } from '@oncall/dedup-domain';
import { badRequestFor, RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChangeRecorder } from '../shared/change-recorder';
import { requireOrgReference } from '../shared/org-references';
import { findOrgRow } from '../shared/org-rows';

interface MaintenanceWindowRow {
  id: string;
  org_id: string;
  name: string;
  window: MaintenanceWindow;
  created_at: Date;
}

export interface MaintenanceWindowView {
  id: string;
  name: string;
  window: MaintenanceWindow;
  createdAt: string;
}

const MAX_WINDOWS = 500;

/**
 * Maintenance windows of services and clients (ADR 0175): alerts inside are recorded, not paged. A weekly
 * window runs on its own `timeZone` (the client's, for a client's window).
 */
@Injectable()
export class MaintenanceWindowsDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ChangeRecorder,
  ) {}

  async list(context: RequestContext): Promise<{ items: MaintenanceWindowView[] }> {
    const rows: MaintenanceWindowRow[] = await this.dataSource.query(
      `SELECT * FROM maintenance_windows WHERE org_id = $1 ORDER BY created_at, id LIMIT ${MAX_WINDOWS}`,
      [context.orgId],
    );
    return { items: rows.map(toView) };
  }

  async get(context: RequestContext, id: string): Promise<MaintenanceWindowView> {
    return toView(
      await findOrgRow<MaintenanceWindowRow>(
        this.dataSource.manager,
        'maintenance_windows',
        context.orgId,
        id,
      ),
    );
  }

  create(
    context: RequestContext,
    name: string,
    given: Record<string, unknown>,
  ): Promise<MaintenanceWindowView> {
    const id = randomUUID();
    const window = { ...given, windowId: id };
    const problems = validateMaintenanceWindow(window);
    if (problems.length > 0) {
      throw badRequestFor(problems.map(({ field, message }) => ({ field, message: `${field} ${message}` })));
    }
    const { scope } = window as unknown as MaintenanceWindow;
    return this.dataSource.transaction(async (tx) => {
      if ('serviceId' in scope)
        await requireOrgReference(tx, 'services', context.orgId, scope.serviceId, 'window.scope.serviceId');
      else await requireOrgReference(tx, 'clients', context.orgId, scope.clientId, 'window.scope.clientId');
      const [row] = (await tx.query(
        `INSERT INTO maintenance_windows (id, org_id, name, "window") VALUES ($1, $2, $3, $4) RETURNING *`,
        [id, context.orgId, name, JSON.stringify(window)],
      )) as MaintenanceWindowRow[];
      const after = toView(row);
      await this.changes.record(tx, context, {
        resourceType: 'maintenanceWindow',
        resourceId: id,
        action: 'created',
        before: null,
        after,
      });
      return after;
    });
  }

  remove(context: RequestContext, id: string): Promise<void> {
    return this.dataSource.transaction(async (tx) => {
      const row = await findOrgRow<MaintenanceWindowRow>(tx, 'maintenance_windows', context.orgId, id, {
        forUpdate: true,
      });
      await tx.query('DELETE FROM maintenance_windows WHERE id = $1', [id]);
      await this.changes.record(tx, context, {
        resourceType: 'maintenanceWindow',
        resourceId: id,
        action: 'deleted',
        before: toView(row),
        after: null,
      });
    });
  }
}

function toView(row: MaintenanceWindowRow): MaintenanceWindowView {
  return {
    id: row.id,
    name: row.name,
    window: row.window,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
