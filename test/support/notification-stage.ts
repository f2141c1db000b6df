import { NotifyRequested } from '@oncall/contracts';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../../apps/notification/src/senders/testing/test-smtp-server';
import { INCIDENT_SERVICES, IncidentStage, IncidentStageOptions, LaunchedStage } from './incident-stage';
import { CaughtMail, pageRequest, publishPage, TestClock } from './notification-bus';
import { ServiceName } from './service-catalogue';

/** The incident path and notification: pages about real incidents. */
export const INCIDENT_PAGING_SERVICES: ServiceName[] = [...INCIDENT_SERVICES, 'notification'];

export interface NotificationStageOptions extends IncidentStageOptions {
  /** The SMTP relay's port, reserved by the caller (so that a relay started again comes back there). */
  smtpPort?: number;
}

/**
 * The demo organization's platform with notification sending to a real test SMTP server, the mail it caught,
 * and a clock every test-clock service follows; pages are published as the escalation engine would.
 */
export class NotificationStage extends IncidentStage {
  /** What the relays accepted, parsed; a relay started again is pushed onto `smtpServers`. */
  readonly mail = new CaughtMail(() => this.smtpServers);
  readonly clock = new TestClock(this.bus);

  private constructor(
    launched: LaunchedStage,
    readonly smtpServers: TestSmtpServer[],
  ) {
    super(...launched);
  }

  static override async start(
    label: string,
    options: NotificationStageOptions = {},
  ): Promise<NotificationStage> {
    const smtp = await startTestSmtpServer(() => undefined, options.smtpPort);
    const launched = await IncidentStage.launch(label, {
      services: options.services ?? INCIDENT_PAGING_SERVICES,
      env: { SMTP_URL: smtp.url, ...options.env },
    }).catch(async (error: unknown) => {
      await smtp.close();
      throw error;
    });
    return new NotificationStage(launched, [smtp]);
  }

  /** The first SMTP relay, the one the platform was started with. */
  get smtp(): TestSmtpServer {
    return this.smtpServers[0];
  }

  /** Publishes a page in the demo organization, as the escalation engine would request it. */
  page(fields: Pick<NotifyRequested, 'incidentId' | 'userId'> & Partial<NotifyRequested>): Promise<void> {
    return publishPage(this.bus, pageRequest({ orgId: this.demo.orgId, ...fields }));
  }

  override async close(): Promise<void> {
    await super.close();
    await Promise.all(this.smtpServers.map((server) => server.close()));
  }
}
