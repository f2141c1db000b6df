import { DynamicModule, Module } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { LOGGER, OutboxRelayWorker } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { ACTION_LINK_SIGNER, actionLinkSignerFor } from './action-links/action-link-secret';
import { ActionLinkUses } from './action-links/action-link-uses.store';
import { ActionLinksHandler } from './action-links/action-links.handler';
import { ContactMethodsHandler } from './contact-methods/contact-methods.handler';
import { ContactVerificationHandler } from './contact-methods/contact-verification.handler';
import { ContactVerifications } from './contact-methods/contact-verifications';
import { CoverageGapConsumer } from './coverage-gaps/coverage-gap.consumer';
import { DeliveryComposer } from './delivery/delivery-composer';
import { DeliverySender } from './delivery/delivery-sender.worker';
import { DeliveryTimersWorker } from './delivery/delivery-timers.worker';
import { DevMailController } from './dev-mailbox/dev-mail.controller';
import { IncidentProgressConsumer } from './incident-progress/incident-progress.consumer';
import { NotificationConfig } from './notification.config';
import { NotificationRulesHandler } from './notification-rules/notification-rules.handler';
import { NotifyRequestedConsumer } from './pages/notify-requested.consumer';
import { PagePlanner } from './pages/page-planner';
import { AccountProvisioner } from './people/account-provisioner';
import { PeopleDirectory } from './people/people.directory';
import { MAIL_SENDER, MailTransport } from './senders/mail-transport';

/** Whether this process runs the development mailbox (no SMTP_URL, not production). */
export function usesDevMailbox(config: NotificationConfig): boolean {
  return !config.SMTP_URL && config.NODE_ENV !== 'production';
}

/**
 * Notification: people's contact methods and rules (over the bus, for admin-api), pages planned into
 * deliveries, timers, the sender, and the consumers of pages, incident progress and coverage gaps. The
 * development mailbox's page exists only when the mailbox runs.
 */
@Module({})
export class NotificationModule {
  static forConfig(config: NotificationConfig): DynamicModule {
    return {
      module: NotificationModule,
      controllers: [
        IncidentProgressConsumer,
        CoverageGapConsumer,
        ContactMethodsHandler,
        ContactVerificationHandler,
        NotificationRulesHandler,
        ActionLinksHandler,
        ...(usesDevMailbox(config) ? [DevMailController] : []),
      ],
      providers: [
        PeopleDirectory,
        ActionLinkUses,
        AccountProvisioner,
        ContactVerifications,
        PagePlanner,
        NotifyRequestedConsumer,
        DeliveryComposer,
        DeliverySender,
        DeliveryTimersWorker,
        OutboxRelayWorker,
        { provide: ACTION_LINK_SIGNER, useFactory: () => actionLinkSignerFor(config) },
        {
          provide: MailTransport,
          inject: [LOGGER, CLOCK],
          useFactory: (logger: Logger, clock: Clock) =>
            MailTransport.start(config, logger, () => clock.now()),
        },
        { provide: MAIL_SENDER, useExisting: MailTransport },
      ],
    };
  }
}
