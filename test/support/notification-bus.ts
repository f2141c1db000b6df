import { escalationEventSubject, NOTIFY_REQUESTED, NotifyRequested, PagedIncident } from '@oncall/contracts';
import { publishClockOffset } from '@oncall/platform-clock';
import { MessageBus } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { TestSmtpServer } from '../../apps/notification/src/senders/testing/test-smtp-server';

/** The incident facts a page carries, as the escalation engine copies them from IncidentTriggered. */
export function pagedIncident(fields: Partial<PagedIncident> = {}): PagedIncident {
  return {
    title: 'Disk C: 95% full on FS01',
    severity: 'critical',
    serviceId: 'svc-1',
    serviceName: 'Client servers (24/7)',
    clientName: 'Contoso',
    triggeredAt: new Date().toISOString(),
    alert: {
      summary: 'Disk C: 95% full on FS01',
      source: 'rmm',
      device: 'FS01',
      details: { disk: { volume: 'C:', used: '95%' } },
      defend: null,
    },
    ...fields,
  };
}

/** One page as the escalation engine would request it (level 1, cycle 1, generation 1 unless told). */
export function pageRequest(
  fields: Pick<NotifyRequested, 'orgId' | 'incidentId' | 'userId'> & Partial<NotifyRequested>,
): NotifyRequested {
  const generation = fields.generation ?? 1;
  const level = fields.level ?? 1;
  const cycle = fields.cycle ?? 1;
  return {
    pageId: `${fields.incidentId}:${generation}:${level}:${cycle}:${fields.userId}`,
    kind: 'page',
    generation,
    level,
    cycle,
    reason: 'step 1, on call in Technicians 24/7',
    urgency: 'high',
    requestedAt: new Date().toISOString(),
    incident: pagedIncident(),
    ...fields,
  };
}

/** Publishes NotifyRequested on the escalation stream, as the engine's outbox relay does. */
export async function publishPage(
  bus: MessageBus,
  request: NotifyRequested,
  eventId = randomUUID(),
): Promise<void> {
  await bus.publisher.publish(escalationEventSubject(NOTIFY_REQUESTED), {
    type: NOTIFY_REQUESTED,
    data: request,
    metadata: {
      eventId,
      orgId: request.orgId,
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: request.requestedAt,
      schemaVersion: 1,
    },
  });
}

/** Moves every test-clock service forward (PLATFORM_CLOCK=test): the harness's fast-forward. */
export class TestClock {
  private offsetMs = 0;

  constructor(private readonly bus: MessageBus) {}

  async fastForward(ms: number): Promise<void> {
    this.offsetMs += ms;
    await publishClockOffset(this.bus, this.offsetMs);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** What a test SMTP server accepted, parsed as a mail client would. */
export class CaughtMail {
  constructor(private readonly server: () => TestSmtpServer[]) {}

  async all(): Promise<ParsedMail[]> {
    const raw = this.server().flatMap((server) => server.received);
    return Promise.all(raw.map((message) => simpleParser(message)));
  }

  async to(address: string): Promise<ParsedMail[]> {
    return (await this.all()).filter((mail) => addressesOf(mail).includes(address));
  }

  /** Waits until `address` has received `count` emails matching `filter`, and answers them. */
  async waitFor(
    address: string,
    count: number,
    filter: (mail: ParsedMail) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<ParsedMail[]> {
    return waitFor(
      `${count} email(s) to ${address}`,
      async () => {
        const mails = (await this.to(address)).filter(filter);
        return mails.length >= count ? mails : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    );
  }
}

export function addressesOf(mail: ParsedMail): string[] {
  return [mail.to ?? []].flat().flatMap((to) => to.value.map((entry) => entry.address ?? ''));
}

/** The href of a link whose text is `label` in the text part ("Acknowledge: https://…"). */
export function textLink(mail: ParsedMail, label: string): string {
  const match = new RegExp(`^${label}: (\\S+)$`, 'm').exec(mail.text ?? '');
  if (!match) throw new Error(`No "${label}:" link in:\n${mail.text}`);
  return match[1];
}
