import { Injectable } from '@nestjs/common';
import { decideGrouping, GroupableAlert, groupKeyOf, GroupingRule, OpenGroup } from '@oncall/dedup-domain';
import { RpcError } from '@oncall/platform-messaging';
import { IncidentCommandsClient } from '../collaborators/incident-commands.client';
import { OpenGroupIndex } from '../open-groups/open-group-index';
import { alertInput, contextOf } from './alert-commands';
import { ReceivedAlert } from './received-alert';

const OVER = new Set(['INCIDENT_RESOLVED', 'INCIDENT_NOT_FOUND']);

/**
 * Grouping (ADR 0175) for a trigger that would open an incident of its own key: join the open group of
 * its group key while the window lasts (AppendAlert to the group's incident), else open a group named
 * after the alert. Time is the alert's `receivedAt`, so a replay decides the same.
 */
@Injectable()
export class AlertGrouping {
  constructor(
    private readonly groups: OpenGroupIndex,
    private readonly incidents: IncidentCommandsClient,
  ) {}

  /** The incident the alert joined, or null: it opens its own (and, grouped, its group's). */
  async join(received: ReceivedAlert, serviceId: string, rule: GroupingRule | null): Promise<string | null> {
    const { alert } = received;
    if (!rule || alert.bypassGrouping) return null;
    const groupable: GroupableAlert = {
      alertId: alert.alertId,
      integrationId: alert.integrationId,
      labels: alert.labels ?? {},
      client: alert.client,
      device: alert.device,
      groupKey: alert.groupKey,
    };
    const key = groupKeyOf(groupable, rule);
    if (key === null) return null;
    for (let attempt = 0; attempt < 2; attempt++) {
      const open = await this.groups.find(alert.orgId, serviceId, key);
      const decision = decideGrouping(groupable, open, alert.receivedAt, rule);
      if (decision.kind === 'ungrouped') return null;
      const group: OpenGroup =
        decision.kind === 'join-incident' && open
          ? open
          : await this.groups.claim(alert.orgId, serviceId, (decision as { group: OpenGroup }).group);
      if (group.incidentId === alert.alertId) return null;
      if (await this.append(received, group.incidentId)) return group.incidentId;
      // The group's incident is over: forget the group and decide again (a new group, most likely ours).
      await this.groups.forgetIncident(alert.orgId, group.incidentId);
    }
    return null;
  }

  private async append(received: ReceivedAlert, incidentId: string): Promise<boolean> {
    const { alert } = received;
    try {
      await this.incidents.execute(
        {
          type: 'AppendAlert',
          data: { incidentId, orgId: alert.orgId, alert: alertInput(received) },
          by: { kind: 'integration', integrationId: alert.integrationId },
          at: alert.receivedAt,
        },
        contextOf(received),
      );
      return true;
    } catch (error) {
      if (error instanceof RpcError && OVER.has(error.code)) return false;
      throw error;
    }
  }
}
