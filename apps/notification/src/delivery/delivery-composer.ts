import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { pageActionLinks } from '../action-links/action-link.urls';
import { ACTION_LINK_SIGNER } from '../action-links/action-link-secret';
import type { ActionLinkSigner } from '../action-links/action-link.signer';
import { renderCoverageGapEmail } from '../email/coverage-gap-email.renderer';
import { renderDigestEmail } from '../email/digest-email.renderer';
import type {
  CoverageGapEmailView,
  DigestEmailView,
  PageEmailView,
  RenderedEmail,
} from '../email/email.types';
import type { OutgoingEmail } from '../email/mail-message';
import { renderPageEmail } from '../email/page-email.renderer';
import { renderUnansweredEmail } from '../email/unanswered-email.renderer';
import { renderVerificationEmail } from '../email/verification-email.renderer';
import { NotificationConfig, publicUrlOf } from '../notification.config';
import { PeopleDirectory } from '../people/people.directory';
import { slackDigestMessage } from '../senders/slack-digest.message';
import { slackPageMessage, type SlackMessage } from '../senders/slack-page.message';
import type { ClaimedDelivery } from './delivery-claims';
import type { DigestContent } from './digest-flush';
import { incidentFacts, alertFacts } from './incident-facts';

/** What a sender is handed for one delivery. */
export type ComposedMessage =
  | { readonly channel: 'email'; readonly email: OutgoingEmail }
  | { readonly channel: 'slack'; readonly webhookUrl: string; readonly message: SlackMessage };

/**
 * Builds the message of a claimed delivery at the moment it is sent: the incident as the page described
 * it, fresh one-click links signed for this person (`now` from the platform clock), times in their zone.
 */
@Injectable()
export class DeliveryComposer {
  private readonly publicUrl: string;
  private readonly messageIdHost: string;

  constructor(
    config: NotificationConfig,
    private readonly people: PeopleDirectory,
    @Inject(ACTION_LINK_SIGNER) private readonly signer: ActionLinkSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.publicUrl = publicUrlOf(config);
    this.messageIdHost = new URL(this.publicUrl).hostname || 'oncall.invalid';
  }

  compose(delivery: ClaimedDelivery): ComposedMessage {
    const timeZone = this.people.person(delivery.org_id, delivery.user_id)?.timeZone;
    if (delivery.kind === 'page') {
      const view = this.pageView(delivery, timeZone);
      if (delivery.channel === 'slack') return this.slack(delivery, slackPageMessage(view));
      return this.email(delivery, renderPageEmail(view));
    }
    if (delivery.kind === 'digest') {
      const view = this.digestView(delivery, delivery.content as unknown as DigestContent, timeZone);
      if (delivery.channel === 'slack') return this.slack(delivery, slackDigestMessage(view));
      return this.email(delivery, renderDigestEmail(view));
    }
    if (delivery.channel !== 'email') throw new Error(`A ${delivery.kind} is only sent by email`);
    return this.email(delivery, this.noticeEmail(delivery, timeZone));
  }

  private noticeEmail(delivery: ClaimedDelivery, timeZone: string | undefined): RenderedEmail {
    const content = delivery.content;
    switch (delivery.kind) {
      case 'unanswered': {
        const page = this.pageView(delivery, timeZone);
        const { pagedPeople, cycles } = content as { pagedPeople: string[]; cycles: number };
        return renderUnansweredEmail({
          incident: page.incident,
          alertSummary: page.alert.summary,
          escalation: { policyName: null, cycles, pagedPeople },
          links: page.links,
          timeZone,
        });
      }
      case 'coverage-gap':
        return renderCoverageGapEmail(content as unknown as CoverageGapEmailView);
      case 'verification': {
        const { confirmUrl, address } = content as { confirmUrl: string; address: string };
        return renderVerificationEmail({ address, confirmUrl, validFor: '24 hours' });
      }
      default:
        throw new Error(`Nothing to compose for a ${delivery.kind}`);
    }
  }

  private pageView(delivery: ClaimedDelivery, timeZone?: string): PageEmailView {
    const { page, incident_id: incidentId } = delivery;
    if (!page || !incidentId) throw new Error(`Delivery ${delivery.id} has no page to show`);
    const { incident, urgency } = page;
    const links = pageActionLinks(
      this.publicUrl,
      this.signer,
      { orgId: delivery.org_id, userId: delivery.user_id, incidentId },
      this.clock.now(),
    );
    return {
      incident: incidentFacts(incidentId, incident, urgency, this.incidentUrl(incidentId)),
      alert: alertFacts(incident),
      links: { ...links, incident: this.incidentUrl(incidentId) },
      timeZone,
    };
  }

  private digestView(delivery: ClaimedDelivery, content: DigestContent, timeZone?: string): DigestEmailView {
    const now = this.clock.now();
    const entries = content.entries.map((entry) => ({
      incidentId: entry.incidentId,
      title: entry.title,
      severity: entry.severity,
      serviceName: entry.serviceName,
      clientName: entry.clientName,
      pageCount: entry.pageKeys.length,
      firstHeldAt: entry.firstHeldAt,
      url: this.incidentUrl(entry.incidentId),
      acknowledgeUrl: pageActionLinks(
        this.publicUrl,
        this.signer,
        { orgId: delivery.org_id, userId: delivery.user_id, incidentId: entry.incidentId },
        now,
      ).acknowledge,
    }));
    return {
      entries,
      pageCount: content.pageCount,
      links: { incidents: `${this.publicUrl}/incidents` },
      timeZone,
    };
  }

  private incidentUrl(incidentId: string): string {
    return `${this.publicUrl}/incidents/${encodeURIComponent(incidentId)}`;
  }

  private email(delivery: ClaimedDelivery, rendered: RenderedEmail): ComposedMessage {
    const messageId = `<${delivery.id}@${this.messageIdHost}>`;
    return { channel: 'email', email: { ...rendered, to: delivery.address, messageId } };
  }

  private slack(delivery: ClaimedDelivery, message: SlackMessage): ComposedMessage {
    return { channel: 'slack', webhookUrl: delivery.address, message };
  }
}
