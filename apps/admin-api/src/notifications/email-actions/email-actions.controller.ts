import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ActionLinkAction,
  ActionLinkAnswer,
  ActionLinkClaimsView,
  Commands,
  Queries,
  RpcContext,
} from '@oncall/contracts';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { PublicRoute } from '@oncall/platform-runtime';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AdminApiConfig } from '../../admin-api.config';
import { joinPublicUrl } from '../../directory/shared/public-url';
import { sendActionPage } from './action-page';
import { EmailActionRunner } from './email-action.runner';
import { ACTION_WORDS, unavailablePage, unusableLinkPage } from './link-verdict-pages';

const ACTIONS: readonly string[] = ['acknowledge', 'resolve'];

/** The path parameters of a link, `:action/:token`, as the email has them (the action is checked here). */
interface LinkParams {
  action: string;
  token: string;
}

/**
 * The one-click acknowledge/resolve links of page emails (ADR 0153). Opening a link (GET) changes nothing:
 * mail scanners open every link of a message. It shows what the link would do and one button; that POST
 * redeems the link with notification (which signed it and records its single use), then acts as the
 * person the link was made for. A used, expired or altered link gets a page saying so, and nothing happens.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('email-actions')
export class EmailActionsController {
  constructor(
    private readonly bus: MessageBus,
    private readonly runner: EmailActionRunner,
    private readonly config: AdminApiConfig,
  ) {}

  @Get(':action/:token')
  async show(@Param() params: LinkParams, @Res() response: Response): Promise<void> {
    const link = await this.validLink(Queries.notification.inspectActionLink, params, response);
    if (!link) return;
    const { verdict, incidentUrl } = link;
    const words = ACTION_WORDS[verdict.action];
    const title = await this.runner.incidentTitle(verdict.orgId, verdict.incidentId);
    sendActionPage(response, {
      status: 200,
      title: `${words.verb} this incident?`,
      lines: [
        title ? `“${title}”` : `Incident ${verdict.incidentId}`,
        `Confirm to ${words.verb.toLowerCase()} it as yourself. The link works once.`,
      ],
      confirm: { label: words.verb, color: words.color },
      link: incidentUrl ? { label: 'Open the incident instead', href: incidentUrl } : undefined,
    });
  }

  @Post(':action/:token')
  async act(@Param() params: LinkParams, @Res() response: Response): Promise<void> {
    const link = await this.validLink(Commands.notification.redeemActionLink, params, response);
    if (!link) return;
    const { verdict, incidentUrl } = link;
    const page = await this.runner.run(verdict, incidentUrl);
    if (page.status >= 500) await this.release(verdict.jti);
    sendActionPage(response, page);
  }

  /**
   * The link's verdict when it is valid; otherwise the page saying why (unknown action, notification not
   * answering, used, expired or altered) is sent and the answer is undefined.
   */
  private async validLink(
    subject: string,
    { action, token }: LinkParams,
    response: Response,
  ): Promise<{ verdict: ActionLinkClaimsView; incidentUrl: string | null } | undefined> {
    if (!ACTIONS.includes(action)) {
      this.unknownAction(response);
      return undefined;
    }
    const verdict = await this.ask(subject, action as ActionLinkAction, token);
    if (!verdict) {
      sendActionPage(response, unavailablePage());
      return undefined;
    }
    const incidentUrl = this.incidentUrl(verdict);
    if (verdict.status !== 'valid') {
      sendActionPage(response, unusableLinkPage(verdict.status, action as ActionLinkAction, incidentUrl));
      return undefined;
    }
    return { verdict, incidentUrl };
  }

  /** Null when notification does not answer (the page then asks to try again). */
  private async ask(
    subject: string,
    action: ActionLinkAction,
    token: string,
  ): Promise<ActionLinkAnswer | null> {
    try {
      return await this.bus.rpc.request<ActionLinkAnswer>(subject, { action, token }, systemContext());
    } catch (error) {
      if (error instanceof RpcError) return null;
      throw error;
    }
  }

  /** The action could not be carried out for a passing reason: the link may be used again. */
  private async release(jti: string): Promise<void> {
    await this.bus.rpc
      .request(Commands.notification.releaseActionLink, { jti }, systemContext())
      .catch(() => undefined);
  }

  /** Relative without PUBLIC_URL: never built from the request's Host header. */
  private incidentUrl(verdict: ActionLinkAnswer): string | null {
    if (!('incidentId' in verdict)) return null;
    return joinPublicUrl(this.config.PUBLIC_URL, `/incidents/${encodeURIComponent(verdict.incidentId)}`);
  }

  private unknownAction(response: Response): void {
    sendActionPage(response, {
      status: 404,
      title: 'Unknown action',
      lines: ['This link does not name anything On-Call can do. Nothing was done.'],
    });
  }
}

/** The token is the credential: the organization is the one notification finds signed in it. */
function systemContext(): RpcContext {
  return { orgId: null, correlationId: randomUUID(), causationId: null };
}
