import {
  facts,
  integration,
  RECEIVED_AT,
  refusedFields,
  ROUTING_KEY,
  withField,
} from '../testing/intake-fixtures';
import { mapPagerDutyChange } from './map-pagerduty-change';
import { mapPagerDutyV1 } from './map-pagerduty-v1';

const pagerduty = integration('pagerduty');

// PagerDuty's documented change event (developer-docs, events-API-v2), with a real-length key.
const documentedChange = {
  routing_key: ROUTING_KEY,
  payload: {
    summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
    timestamp: '2020-07-17T08:42:58.315+0000',
    source: 'acme-build-pipeline-tool-default-i-9999',
    custom_details: { build_state: 'passed', build_number: '2', run_time: '1236s' },
  },
  links: [{ href: 'https://acme.pagerduty.dev/build/2', text: 'View more details in Acme!' }],
};

// PagerDuty's documented v1 trigger (developer-docs, events-API-v1).
const documentedV1Trigger = {
  service_key: 'e93facc04764012d7bfb002500d5d1a6',
  event_type: 'trigger',
  description: 'FAILURE for production/HTTP on machine srv01.acme.com',
  client: 'Sample Monitoring Service',
  client_url: 'https://monitoring.service.com',
  details: { 'ping time': '1500ms', 'load avg': 0.75 },
  contexts: [
    { type: 'link', href: 'http://acme.pagerduty.com', text: 'View in custom tool' },
    { type: 'image', src: 'https://chart.googleapis.com/chart?chs=600x400&cht=lc' },
  ],
};

describe('mapPagerDutyChange', () => {
  it('maps a change event to a change record that never pages, each its own key', () => {
    const [change] = mapPagerDutyChange(documentedChange, pagerduty, facts).alerts;
    expect(change).toMatchObject({
      kind: 'change',
      action: 'trigger',
      disposition: 'record',
      recordReason: 'a change event: shown on the service timeline, never pages',
      dedupKey: 'a-0',
      summary: 'Build Success: Increase snapshot create timeout to 30 seconds',
      source: 'acme-build-pipeline-tool-default-i-9999',
      severity: 'info',
      details: documentedChange.payload.custom_details,
      links: documentedChange.links,
      occurredAt: '2020-07-17T08:42:58.315Z',
    });
  });

  it.each<[string, unknown, string[]]>([
    ['no summary', withField(documentedChange, 'payload.summary', undefined), ['payload.summary']],
    ['no routing_key', withField(documentedChange, 'routing_key', undefined), ['routing_key']],
    ['a bad timestamp', withField(documentedChange, 'payload.timestamp', 'yesterday'), ['payload.timestamp']],
  ])('refuses %s', (_, body, fields) => {
    expect(refusedFields(mapPagerDutyChange(body, pagerduty, facts))).toEqual(fields);
  });
});

describe('mapPagerDutyV1', () => {
  it('maps the documented v1 trigger with a fresh key, its contexts as links and images', () => {
    const [alert] = mapPagerDutyV1(documentedV1Trigger, pagerduty, facts).alerts;
    expect(alert).toMatchObject({
      action: 'trigger',
      dedupKey: 'a-0',
      summary: 'FAILURE for production/HTTP on machine srv01.acme.com',
      severity: 'high',
      details: documentedV1Trigger.details,
      links: [
        { href: 'http://acme.pagerduty.com', text: 'View in custom tool' },
        { href: 'https://monitoring.service.com', text: 'Sample Monitoring Service' },
      ],
      images: [{ src: 'https://chart.googleapis.com/chart?chs=600x400&cht=lc' }],
      occurredAt: RECEIVED_AT,
    });
  });

  it('keeps incident_key as the dedup key', () => {
    const body = { ...documentedV1Trigger, incident_key: 'srv01/HTTP' };
    expect(mapPagerDutyV1(body, pagerduty, facts).alerts[0].dedupKey).toBe('srv01/HTTP');
  });

  it.each(['acknowledge', 'resolve'] as const)('%s acts on incident_key', (eventType) => {
    const body = {
      service_key: documentedV1Trigger.service_key,
      event_type: eventType,
      incident_key: 'srv01/HTTP',
    };
    expect(mapPagerDutyV1(body, pagerduty, facts).alerts[0]).toMatchObject({
      action: eventType,
      dedupKey: 'srv01/HTTP',
    });
  });

  it.each<[string, unknown, string[]]>([
    ['an unknown event_type', withField(documentedV1Trigger, 'event_type', 'close'), ['event_type']],
    [
      'a trigger without description',
      withField(documentedV1Trigger, 'description', undefined),
      ['description'],
    ],
    ['resolve without incident_key', { service_key: ROUTING_KEY, event_type: 'resolve' }, ['incident_key']],
    [
      'a context of unknown type',
      withField(documentedV1Trigger, 'contexts', [{ type: 'video' }]),
      ['contexts.0.type'],
    ],
    ['a short service_key', withField(documentedV1Trigger, 'service_key', 'abc'), ['service_key']],
  ])('refuses %s', (_, body, fields) => {
    expect(refusedFields(mapPagerDutyV1(body, pagerduty, facts))).toEqual(fields);
  });
});
