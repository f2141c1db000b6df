import { Inject, Injectable } from '@nestjs/common';
import {
  ActionLinkClaimsView,
  Commands,
  ExecuteIncidentCommand,
  GetIncidentQuery,
  IncidentCommandResult,
  IncidentDetail,
  Queries,
  RpcContext,
} from '@oncall/contracts';
import { IncidentCommand } from '@oncall/incident-domain';
import { Role, roleAllows } from '@oncall/platform-auth';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { queryRows } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ActionPage } from './action-page';
import { ACTION_WORDS } from './link-verdict-pages';

/** Passing failures: the link is given back so the person can press the button again. */
const TRY_AGAIN_CODES = ['UNAVAILABLE', 'INTERNAL', 'CONFLICT'];

/**
 * Carries out a redeemed link as the person it was made for, if they are still an active member of the
 * organization whose role may respond, through incident-state like any other acknowledge or resolve,
 * recording that it came from an email (`via: 'email'`).
 */
@Injectable()
export class EmailActionRunner {
  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async incidentTitle(orgId: string, incidentId: string): Promise<string | null> {
    try {
      const detail = await this.bus.rpc.request<IncidentDetail, GetIncidentQuery>(
        Queries.incident.get,
        { incidentId },
        contextOf(orgId),
      );
      return detail.incident.title;
    } catch {
      return null;
    }
  }

  async run(link: ActionLinkClaimsView, incidentUrl: string | null): Promise<ActionPage> {
    const open = incidentUrl ? { label: 'Open the incident', href: incidentUrl } : undefined;
    const [person] = await queryRows<{ name: string; role: Role; active: boolean }>(
      this.dataSource,
      'SELECT name, role, active FROM users WHERE org_id = $1 AND id = $2',
      [link.orgId, link.userId],
    );
    if (!person?.active) return refusal('Your account is no longer active in this organization.', open);
    if (!roleAllows(person.role, 'incidents:respond')) {
      return refusal(`Your role (${person.role}) cannot acknowledge or resolve incidents.`, open);
    }
    const words = ACTION_WORDS[link.action];
    try {
      const result = await this.execute(link);
      const changed = result.appended.length > 0;
      return {
        status: 200,
        title: changed ? `Incident ${words.done}` : `Already ${words.done}`,
        lines: changed
          ? [`“${result.incident.title}” is ${words.done} by ${person.name}.`]
          : [`“${result.incident.title}” was already ${words.done}; nothing changed.`],
        link: open,
      };
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      if (TRY_AGAIN_CODES.includes(error.code)) {
        return { status: 503, title: 'Please try again', lines: ['The incident could not be updated just now. Nothing was done.'] }; // prettier-ignore
      }
      return { status: error.code.endsWith('NOT_FOUND') ? 404 : 409, title: 'Nothing was done', lines: [error.message], link: open }; // prettier-ignore
    }
  }

  private execute(link: ActionLinkClaimsView): Promise<IncidentCommandResult> {
    const command = {
      type: link.action === 'acknowledge' ? 'AcknowledgeIncident' : 'ResolveIncident',
      data: { incidentId: link.incidentId, orgId: link.orgId, via: 'email' },
      by: { kind: 'user', userId: link.userId },
      at: this.clock.now().toISOString(),
    } as IncidentCommand;
    return this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(command.type),
      { command },
      contextOf(link.orgId),
      10_000,
    );
  }
}

function refusal(line: string, link: ActionPage['link']): ActionPage {
  return { status: 403, title: 'Nothing was done', lines: [line], link };
}

function contextOf(orgId: string): RpcContext {
  return { orgId, correlationId: randomUUID(), causationId: null };
}
