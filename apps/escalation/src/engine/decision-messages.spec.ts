import { NotifyRequested, PagedIncident, StepFired } from '@oncall/contracts';
import { PageDecision } from '@oncall/escalation-domain';
import { factMessage, managerMessages, MessageContext, pageMessages } from './decision-messages';

const incident = { title: 'VPN down', serviceId: 'svc-1' } as PagedIncident;
const context: MessageContext = {
  incident,
  correlationId: 'corr-1',
  causationId: 'evt-1',
  now: new Date('2027-01-04T10:00:00.000Z'),
  nameOf: (userId) => ({ 'u-1': 'Taylor Tech' })[userId] ?? null,
  managers: () => ['m-1', 'm-2'],
};
const page: PageDecision = {
  kind: 'page',
  incidentId: 'inc-1',
  orgId: 'org-1',
  generation: 1,
  level: 2,
  cycle: 1,
  urgency: 'high',
  at: '2027-01-04T10:00:00.000Z',
  recipients: [
    {
      userId: 'u-1',
      reason: 'step 2, on call in Technicians 24/7',
      sources: [],
      idempotencyKey: 'inc-1:1:2:1:u-1',
    },
    { userId: 'u-2', reason: 'step 2, user', sources: [], idempotencyKey: 'inc-1:1:2:1:u-2' },
  ],
};
const body = <T>(message: { body: string }) =>
  JSON.parse(message.body) as { type: string; data: T; metadata: { eventId: string } };

describe('what a decision publishes', () => {
  it('pages each person once (message id from the page id) and names them on the timeline', () => {
    const messages = pageMessages(page, context);
    expect(messages.map((message) => message.subject)).toEqual([
      'oncall.evt.escalation.notify-requested.v1',
      'oncall.evt.escalation.notify-requested.v1',
      'oncall.evt.escalation.step-fired.v1',
    ]);
    expect(body<NotifyRequested>(messages[0]).data).toMatchObject({
      pageId: 'inc-1:1:2:1:u-1',
      kind: 'page',
      userId: 'u-1',
      level: 2,
      cycle: 1,
      incident,
    });
    expect(body<StepFired>(messages[2]).data.summary).toBe(
      'Paged Taylor Tech (step 2, on call in Technicians 24/7), u-2 (step 2, user)',
    );
    expect(new Set(messages.map((message) => message.orderingKey))).toEqual(new Set(['inc-1']));
    // The same decision performed again is the same messages: JetStream and consumers drop the copies.
    expect(pageMessages(page, context).map((message) => message.messageId)).toEqual(
      messages.map((message) => message.messageId),
    );
  });

  it('pages every manager of an unanswered walk once', () => {
    const decision = {
      kind: 'notify-managers',
      incidentId: 'inc-1',
      orgId: 'org-1',
      generation: 2,
      at: page.at,
      reason: 'unanswered',
    } as const;
    const requests = managerMessages(decision, context).map((message) => body<NotifyRequested>(message).data);
    expect(requests.map((request) => [request.userId, request.kind, request.pageId])).toEqual([
      ['m-1', 'unanswered', 'inc-1:2:unanswered:m-1'],
      ['m-2', 'unanswered', 'inc-1:2:unanswered:m-2'],
    ]);
  });

  it('says in words what a fact means', () => {
    const skipped = factMessage(
      {
        kind: 'record',
        fact: {
          type: 'StepSkipped',
          incidentId: 'inc-1',
          orgId: 'org-1',
          at: page.at,
          generation: 1,
          level: 1,
          cycle: 2,
          unresolved: [{ type: 'schedule', id: 's-1' }],
        },
      },
      context,
    );
    expect(skipped.subject).toBe('oncall.evt.escalation.step-skipped.v1');
    expect(body<{ summary: string }>(skipped).data.summary).toBe(
      'Step 1 (cycle 2) reached nobody (schedule s-1); next step at once',
    );
  });
});
