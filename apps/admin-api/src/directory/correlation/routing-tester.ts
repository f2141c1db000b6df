import { Inject, Injectable } from '@nestjs/common';
import type { RoutingTestView } from '@oncall/contracts';
import {
  clientResolver,
  decideCorrelation,
  type MaintenanceWindow,
  type RoutingRule,
} from '@oncall/dedup-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { badRequestFor, RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { TestRoutingDto } from './routing-test.dto';

export type { RoutingTestView };

const WINDOW_IN_REASON = /^inside maintenance window (.+)$/;

/**
 * Answers "this alert would go to …" with decideCorrelation, the pure function dedup-grouping decides
 * with, over the settings admin-api owns and publishes to its copies (ADR 0139): the tester and
 * production cannot disagree about the rules, only about a copy not yet caught up.
 */
@Injectable()
export class RoutingTester {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async test(context: RequestContext, alert: TestRoutingDto): Promise<RoutingTestView> {
    const orgId = context.orgId;
    const [integration] = (await this.dataSource.query(
      'SELECT service_id::text AS "serviceId" FROM integrations WHERE org_id = $1 AND id = $2',
      [orgId, alert.integrationId],
    )) as { serviceId: string }[];
    if (!integration) {
      throw badRequestFor([
        { field: 'integrationId', message: 'integrationId must name an integration of your organization' },
      ]);
    }
    const labels = alert.labels ?? {};
    if (Object.values(labels).some((value) => typeof value !== 'string')) {
      throw badRequestFor([{ field: 'labels', message: 'labels must map names to text' }]);
    }
    const [rules, windows, clients] = await Promise.all([
      this.rules(orgId),
      this.windows(orgId),
      this.clients(orgId),
    ]);
    const verdict = decideCorrelation(
      {
        integrationId: alert.integrationId,
        serviceId: integration.serviceId,
        client: alert.client,
        device: alert.device,
        labels,
        severity: alert.severity,
        receivedAt: alert.at ?? this.clock.now().toISOString(),
      },
      { rules, windows: windows.map((row) => row.window), resolveClient: clientResolver(clients) },
    );
    const windowId = WINDOW_IN_REASON.exec(verdict.recordReason ?? '')?.[1];
    const window = windows.find((row) => row.id === windowId);
    return {
      serviceId: verdict.serviceId,
      serviceName: await this.serviceName(orgId, verdict.serviceId),
      ruleId: verdict.ruleId,
      clientId: verdict.clientId,
      clientName: clients.find((client) => client.clientId === verdict.clientId)?.name ?? null,
      maintenanceWindow: window ? { id: window.id, name: window.name } : null,
    };
  }

  private async rules(orgId: string): Promise<RoutingRule[]> {
    const rows: { rules: RoutingRule[] }[] = await this.dataSource.query(
      'SELECT rules FROM routing_rules WHERE org_id = $1',
      [orgId],
    );
    return rows[0]?.rules ?? [];
  }

  private windows(orgId: string): Promise<{ id: string; name: string; window: MaintenanceWindow }[]> {
    return this.dataSource.query(
      'SELECT id::text AS id, name, "window" FROM maintenance_windows WHERE org_id = $1',
      [orgId],
    );
  }

  private clients(orgId: string) {
    return this.dataSource.query(
      `SELECT id::text AS "clientId", name, rmm_external_id AS "rmmExternalId",
              psa_external_id AS "psaExternalId"
         FROM clients WHERE org_id = $1`,
      [orgId],
    ) as Promise<
      { clientId: string; name: string; rmmExternalId: string | null; psaExternalId: string | null }[]
    >;
  }

  private async serviceName(orgId: string, serviceId: string): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT name FROM services WHERE org_id = $1 AND id = $2', [
      orgId,
      serviceId,
    ])) as { name: string }[];
    return row?.name ?? 'a removed service';
  }
}
