import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActionLinkAnswer,
  ActionLinkRequest,
  Commands,
  Queries,
  ReleaseActionLinkRequest,
  RpcRequest,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { ACTION_LINK_SIGNER } from './action-link-secret';
import { ActionLinkUses } from './action-link-uses.store';
import {
  ACTION_LINK_ACTIONS,
  ActionLinkAction,
  ActionLinkClaims,
  ActionLinkSigner,
} from './action-link.signer';

/**
 * One-click links of page emails, checked for admin-api's public confirmation page. Notification signed
 * them and records each link's single use (its `jti`, kept until it expires): `inspect` only looks (the
 * GET that a mail scanner may open), `redeem` uses it, once; `release` gives it back when the action could
 * not be carried out, so the person can try again. The token is the credential: no organization in the
 * request, the answer names the one the link was signed for.
 */
@Controller()
export class ActionLinksHandler {
  constructor(
    private readonly uses: ActionLinkUses,
    @Inject(ACTION_LINK_SIGNER) private readonly signer: ActionLinkSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Queries.notification.inspectActionLink)
  async inspect(@Payload() request: RpcRequest<ActionLinkRequest>): Promise<ActionLinkAnswer> {
    const verdict = this.verify(request.data);
    if (verdict.status !== 'valid') return verdict;
    return (await this.uses.isUsed(verdict.jti)) ? { ...verdict, status: 'used' } : verdict;
  }

  @MessagePattern(Commands.notification.redeemActionLink)
  async redeem(@Payload() request: RpcRequest<ActionLinkRequest>): Promise<ActionLinkAnswer> {
    const verdict = this.verify(request.data);
    if (verdict.status !== 'valid') return verdict;
    const recorded = await this.uses.record(verdict, this.clock.now());
    return recorded ? verdict : { ...verdict, status: 'used' };
  }

  @MessagePattern(Commands.notification.releaseActionLink)
  async release(@Payload() request: RpcRequest<ReleaseActionLinkRequest>): Promise<{ released: boolean }> {
    return { released: await this.uses.release(String(request.data?.jti ?? '')) };
  }

  private verify(data: ActionLinkRequest | undefined): ActionLinkAnswer {
    const action = data?.action as ActionLinkAction;
    if (!ACTION_LINK_ACTIONS.includes(action)) return { status: 'tampered' };
    const verdict = this.signer.verify(String(data?.token ?? ''), action, this.clock.now());
    if (verdict.status === 'tampered' || verdict.status === 'wrong-action') return { status: verdict.status };
    return { status: verdict.status, ...claimsOf(verdict.claims) };
  }
}

function claimsOf(claims: ActionLinkClaims) {
  const { action, orgId, userId, incidentId, jti, expiresAt } = claims;
  return { action, orgId, userId, incidentId, jti, expiresAt: expiresAt.toISOString() };
}
