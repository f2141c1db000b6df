import {
  escalationEventSubject,
  MessageEnvelope,
  NOTIFICATION_DELIVERED,
  NotificationAttempted,
  notificationEventSubject,
} from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { IncidentStage } from './support/incident-stage';

describe('Incident timeline: what escalation and notification report', () => {
  const stage = stageForAll(() => IncidentStage.start('activity'));
  const token = () => stage.token('manager');

  function envelope<T>(type: string, data: T, eventId = randomUUID()): MessageEnvelope<string, T> {
    return {
      type,
      data,
      metadata: {
        eventId,
        orgId: stage.demo.orgId,
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: new Date().toISOString(),
        schemaVersion: 1,
      },
    };
  }

  /** Publishes with a fresh Nats-Msg-Id, so JetStream's duplicate window does not hide a second copy. */
  async function publishTwice(subject: string, message: MessageEnvelope): Promise<void> {
    for (let copy = 0; copy < 2; copy++) {
      await stage.bus.publisher.publish(subject, {
        ...message,
        metadata: { ...message.metadata, eventId: randomUUID() },
      });
    }
  }

  it('records a delivery attempt once however often it is delivered, in words, with its facts', async () => {
    const incident = await stage.incidents.trigger('Mail queue stuck', { dedupKey: 'mailq' }, token());
    const attempt: NotificationAttempted = {
      deliveryId: randomUUID(),
      pageId: `${incident.incidentId}:1:1:1:tess`,
      incidentId: incident.incidentId,
      orgId: stage.demo.orgId,
      userId: 'tess',
      channel: 'email',
      maskedAddress: 't***@example.test',
      attempt: 1,
      providerResponse: '250 OK',
      latencyMs: 230,
      at: new Date().toISOString(),
    };
    const delivered = envelope(NOTIFICATION_DELIVERED, attempt);
    // The same event (same id) twice: the second must not appear again.
    await stage.bus.js.publish(
      stage.bus.namespace.subject(notificationEventSubject(NOTIFICATION_DELIVERED)),
      new TextEncoder().encode(JSON.stringify(delivered)),
    );
    await stage.bus.js.publish(
      stage.bus.namespace.subject(notificationEventSubject(NOTIFICATION_DELIVERED)),
      new TextEncoder().encode(JSON.stringify(delivered)),
    );
    const entry = await waitFor('the delivery on the timeline', async () =>
      (await stage.incidents.timeline(token(), incident.incidentId)).find(
        (e) => e.type === 'ActivityRecorded',
      ),
    );
    expect(entry.detail).toMatchObject({
      source: 'notification',
      kind: 'notification-delivered',
      summary: 'Email to t***@example.test delivered (attempt 1, 230 ms)',
      detail: { channel: 'email', pageId: attempt.pageId },
    });
    // A second attempt published after both copies: once it is recorded, both copies were handled.
    await stage.bus.publisher.publish(
      notificationEventSubject(NOTIFICATION_DELIVERED),
      envelope(NOTIFICATION_DELIVERED, { ...attempt, attempt: 2 }),
    );
    const timeline = await waitFor('the second attempt', async () => {
      const found = await stage.incidents.timeline(token(), incident.incidentId);
      return found.filter((e) => e.type === 'ActivityRecorded').length >= 2 ? found : undefined;
    });
    expect(timeline.filter((e) => e.type === 'ActivityRecorded').map((e) => e.detail.summary)).toEqual([
      'Email to t***@example.test delivered (attempt 1, 230 ms)',
      'Email to t***@example.test delivered (attempt 2, 230 ms)',
    ]);
  });

  it('flags the incident unanswered from the escalation fact, and an acknowledgement clears it', async () => {
    const incident = await stage.incidents.trigger('Backups failing', { dedupKey: 'bk' }, token());
    const unanswered = envelope('EscalationUnanswered', {
      incidentId: incident.incidentId,
      summary: 'Nobody acknowledged after 2 cycles; the managers were paged.',
      cycles: 2,
    });
    await stage.bus.publisher.publish(escalationEventSubject('EscalationUnanswered'), unanswered);
    const flagged = await waitFor('the unanswered flag', async () => {
      const found = (await stage.incidents.list(token())).items.find(
        (i) => i.incidentId === incident.incidentId,
      );
      return found?.unansweredAt ? found : undefined;
    });
    expect(flagged.unansweredAt).toBe(unanswered.metadata.occurredAt);
    const detail = await stage.incidents.detail(token(), incident.incidentId);
    expect(detail.timeline.items.find((e) => e.type === 'ActivityRecorded')?.detail).toMatchObject({
      source: 'escalation',
      kind: 'escalation-unanswered',
      summary: 'Nobody acknowledged after 2 cycles; the managers were paged.',
    });

    expect((await stage.incidents.act(token(), incident.incidentId, 'acknowledge')).status).toBe(200);
    await waitFor('the flag cleared', async () => {
      const found = (await stage.incidents.list(token())).items.find(
        (i) => i.incidentId === incident.incidentId,
      );
      return found?.unansweredAt === null;
    });
  });

  it('ignores page requests (the step fired fact says who was paged) and facts about unknown incidents', async () => {
    const incident = await stage.incidents.trigger('Disk full', { dedupKey: 'disk' }, token());
    await publishTwice(
      escalationEventSubject('NotifyRequested'),
      envelope('NotifyRequested', { incidentId: incident.incidentId, userId: 'tess' }),
    );
    await publishTwice(
      escalationEventSubject('StepFired'),
      envelope('StepFired', { incidentId: randomUUID(), summary: 'Paged nobody we know' }),
    );
    const marker = envelope('StepSkipped', { incidentId: incident.incidentId });
    await stage.bus.publisher.publish(escalationEventSubject('StepSkipped'), marker);
    // The marker was published last on the same stream: once it is recorded, the others were handled.
    const timeline = await waitFor('the marker', async () => {
      const found = await stage.incidents.timeline(token(), incident.incidentId);
      return found.some((e) => e.detail.kind === 'step-skipped') ? found : undefined;
    });
    expect(timeline.filter((e) => e.type === 'ActivityRecorded').map((e) => e.detail.summary)).toEqual([
      'Step skipped',
    ]);
  });
});
