import { defaultRules } from './default-notification-rules';
import { planDeliveries, type PlannedDelivery } from './delivery-plan.decider';
import { shouldStillSend, type IncidentProgress } from './should-still-send.decider';
import { pageRequest, slack, T } from './testing/notification.fixtures';

const plan = planDeliveries(pageRequest(), [slack], defaultRules('cm-slack'), null);
const reminder = (plan.outcome === 'planned' && plan.deliveries[1]) as PlannedDelivery;
const before = '2027-03-01T01:59:00.000Z';
const between = '2027-03-01T02:01:00.000Z';

describe('shouldStillSend', () => {
  it.each<{ case: string; incident: IncidentProgress; then: ReturnType<typeof shouldStillSend> }>([
    { case: 'triggered, never acknowledged', incident: { status: 'triggered', lastAcknowledgedAt: null }, then: { send: true } },
    { case: 'not seen yet (its events are on the way)', incident: { status: 'none', lastAcknowledgedAt: null }, then: { send: true } },
    { case: 'acknowledged between two rule steps', incident: { status: 'acknowledged', lastAcknowledgedAt: between }, then: { send: false, reason: 'incident-acknowledged' } },
    { case: 'resolved', incident: { status: 'resolved', lastAcknowledgedAt: null }, then: { send: false, reason: 'incident-resolved' } },
    { case: 'resolved after an acknowledgement', incident: { status: 'resolved', lastAcknowledgedAt: between }, then: { send: false, reason: 'incident-resolved' } },
    { case: 'triggered again after an acknowledgement made after this page', incident: { status: 'triggered', lastAcknowledgedAt: between }, then: { send: false, reason: 'incident-acknowledged' } },
    { case: 'acknowledged at the very instant of the page', incident: { status: 'triggered', lastAcknowledgedAt: T.requested }, then: { send: false, reason: 'incident-acknowledged' } },
    { case: 'triggered again after an acknowledgement older than this page', incident: { status: 'triggered', lastAcknowledgedAt: before }, then: { send: true } },
  ])('given an incident $case, then $then.send', ({ incident, then }) => {
    expect(shouldStillSend(reminder, incident)).toEqual(then);
  }); // prettier-ignore
});
