import { facts, integration, ROUTING_KEY } from '../testing/intake-fixtures';
import { mapPagerDutyEvent } from './map-pagerduty-event';
import { pagerDutyKeyOf } from './pagerduty-fields';
import {
  pagerDutyChangeProcessed,
  pagerDutyEventProcessed,
  pagerDutyInvalidEvent,
  pagerDutyV1EventProcessed,
} from './pagerduty-replies';

describe('PagerDuty replies', () => {
  it('answers the documented bodies', () => {
    expect([
      pagerDutyEventProcessed('srv01/HTTP'),
      pagerDutyChangeProcessed(),
      pagerDutyV1EventProcessed('srv01/HTTP'),
    ]).toEqual([
      { statusCode: 202, body: { status: 'success', message: 'Event processed', dedup_key: 'srv01/HTTP' } },
      { statusCode: 202, body: { status: 'success', message: 'Change event processed' } },
      {
        statusCode: 200,
        body: { status: 'success', message: 'Event processed', incident_key: 'srv01/HTTP' },
      },
    ]);
  });

  it('lists every problem of a refused event, each naming its field', () => {
    const result = mapPagerDutyEvent(
      { routing_key: 'short', event_action: 'trigger', payload: { source: 'x', severity: 'info' } },
      integration('pagerduty'),
      facts,
    );
    expect(pagerDutyInvalidEvent(result.rejected)).toEqual({
      statusCode: 400,
      body: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: [
          'routing_key must be the 32-character integration key',
          'payload.summary must be non-blank text of at most 1024 characters, without NUL or unpaired surrogates',
        ],
      },
    });
  });

  it.each<[unknown, string | null]>([
    [{ routing_key: ROUTING_KEY }, ROUTING_KEY],
    [{ service_key: ROUTING_KEY }, ROUTING_KEY],
    [{ routing_key: 'short' }, null],
    [[ROUTING_KEY], null],
    ['text', null],
  ])('finds the integration key in %j', (body, key) => {
    expect(pagerDutyKeyOf(body)).toBe(key);
  });
});
