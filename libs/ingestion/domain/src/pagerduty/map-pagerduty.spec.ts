import {
  facts,
  integration,
  RECEIVED_AT,
  refusedFields,
  ROUTING_KEY,
  withField,
} from '../testing/intake-fixtures';
import { mapPagerDutyChange } from './map-pagerduty-change';
import { mapPagerDutyEvent } from './map-pagerduty-event';
import { mapPagerDutyV1 } from './map-pagerduty-v1';

const pagerduty = integration('pagerduty', 'Datacenter Nagios');

// PagerDuty's documented trigger example (developer-docs, events-API-v2), with a real-length key.
const documentedTrigger = {
  payload: {
    summary: 'Example alert on host1.example.com',
    timestamp: '2015-07-17T08:42:58.315+0000',
    source: 'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003',
    severity: 'info',
    component: 'postgres',
    group: 'prod-datapipe',
    class: 'deploy',
    custom_details: { 'ping time': '1500ms', 'load avg': 0.75 },
  },
  routing_key: ROUTING_KEY,
  dedup_key: 'samplekeyhere',
  images: [
    {
      src: 'https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png',
      href: 'https://example.com/',
      alt: 'Example text',
    },
  ],
  links: [{ href: 'https://example.com/', text: 'Link text' }],
  event_action: 'trigger',
  client: 'Sample Monitoring Service',
  client_url: 'https://monitoring.example.com',
};

describe('mapPagerDutyEvent', () => {
  it("maps PagerDuty's documented trigger", () => {
    expect(mapPagerDutyEvent(documentedTrigger, pagerduty, facts)).toEqual({
      rejected: [],
      alerts: [
        {
          alertId: 'a-0',
          orgId: 'org-1',
          integrationId: 'int-pagerduty',
          integrationName: 'Datacenter Nagios',
          serviceId: 'svc-1',
          origin: 'pagerduty',
          kind: 'alert',
          action: 'trigger',
          disposition: 'page',
          dedupKey: 'samplekeyhere',
          groupKey: 'prod-datapipe',
          summary: 'Example alert on host1.example.com',
          source: documentedTrigger.payload.source,
          severity: 'info',
          component: 'postgres',
          group: 'prod-datapipe',
          class: 'deploy',
          details: { 'ping time': '1500ms', 'load avg': 0.75 },
          labels: {},
          links: [
            { href: 'https://example.com/', text: 'Link text' },
            { href: 'https://monitoring.example.com', text: 'Sample Monitoring Service' },
          ],
          images: [documentedTrigger.images[0]],
          occurredAt: '2015-07-17T08:42:58.315Z',
          receivedAt: RECEIVED_AT,
        },
      ],
    });
  });

  it('gives a trigger without dedup_key a fresh key: its own alert id', () => {
    const [alert] = mapPagerDutyEvent(
      withField(documentedTrigger, 'dedup_key', undefined),
      pagerduty,
      facts,
    ).alerts;
    expect(alert.dedupKey).toBe('a-0');
  });

  it.each<[string, unknown, string, string | undefined]>([
    ['critical is ours', 'critical', 'critical', undefined],
    ['error is high', 'error', 'high', 'error'],
    ['warning is ours', 'warning', 'warning', undefined],
    ["an Alertmanager template's word we know", 'Critical', 'critical', 'Critical'],
    ['an unknown word gets the default, kept', 'disaster', 'high', 'disaster'],
  ])('severity: %s', (_, word, severity, sourceSeverity) => {
    const body = withField(documentedTrigger, 'payload.severity', word);
    const [alert] = mapPagerDutyEvent(body, pagerduty, facts).alerts;
    expect({ severity: alert.severity, sourceSeverity: alert.sourceSeverity }).toEqual({
      severity,
      sourceSeverity,
    });
  });

  it.each(['acknowledge', 'resolve'] as const)('%s acts on dedup_key and ignores the payload', (action) => {
    const body = {
      routing_key: ROUTING_KEY,
      event_action: action,
      dedup_key: 'srv01/HTTP',
      payload: 'ignored',
    };
    const [alert] = mapPagerDutyEvent(body, pagerduty, facts).alerts;
    expect(alert).toMatchObject({
      action,
      dedupKey: 'srv01/HTTP',
      disposition: 'page',
      occurredAt: RECEIVED_AT,
    });
  });

  it.each<[string, unknown, string[]]>([
    ['a body that is no object', [documentedTrigger], ['body']],
    ['a short routing_key', withField(documentedTrigger, 'routing_key', 'samplekeyhere'), ['routing_key']],
    ['an unknown event_action', withField(documentedTrigger, 'event_action', 'close'), ['event_action']],
    ['resolve without dedup_key', { routing_key: ROUTING_KEY, event_action: 'resolve' }, ['dedup_key']],
    ['a trigger without payload', withField(documentedTrigger, 'payload', undefined), ['payload']],
    [
      'a summary of 1025 characters',
      withField(documentedTrigger, 'payload.summary', 'x'.repeat(1025)),
      ['payload.summary'],
    ],
    ['a blank summary', withField(documentedTrigger, 'payload.summary', ' \t'), ['payload.summary']],
    [
      'NUL in the summary',
      withField(documentedTrigger, 'payload.summary', 'disk\u0000full'),
      ['payload.summary'],
    ],
    [
      'a lone surrogate in source',
      withField(documentedTrigger, 'payload.source', 'host\uD800'),
      ['payload.source'],
    ],
    ['no severity', withField(documentedTrigger, 'payload.severity', undefined), ['payload.severity']],
    [
      'a dedup_key of 256 characters',
      withField(documentedTrigger, 'dedup_key', 'k'.repeat(256)),
      ['dedup_key'],
    ],
    [
      'a timestamp without offset',
      withField(documentedTrigger, 'payload.timestamp', '2015-07-17T08:42:58'),
      ['payload.timestamp'],
    ],
    [
      'NUL deep in custom_details',
      withField(documentedTrigger, 'payload.custom_details', { a: [{ b: '\u0000' }] }),
      ['payload.custom_details.a.0.b'],
    ],
    [
      'an image over http',
      withField(documentedTrigger, 'images', [{ src: 'http://x.example/i.png' }]),
      ['images.0.src'],
    ],
    ['a link without href', withField(documentedTrigger, 'links', [{ text: 'x' }]), ['links.0.href']],
    [
      'a client_url that is no URL',
      withField(documentedTrigger, 'client_url', 'javascript:alert(1)'),
      ['client_url'],
    ],
  ])('refuses %s, naming the field', (_, body, fields) => {
    const result = mapPagerDutyEvent(body, pagerduty, facts);
    expect({ alerts: result.alerts, fields: refusedFields(result) }).toEqual({ alerts: [], fields });
  });

  it('keeps a custom_details that is not an object under details.value', () => {
    const body = withField(documentedTrigger, 'payload.custom_details', 'disk 97% full');
    expect(mapPagerDutyEvent(body, pagerduty, facts).alerts[0].details).toEqual({ value: 'disk 97% full' });
  });

  it('says what is wrong in a sentence that starts with the field', () => {
    const body = withField(documentedTrigger, 'payload.summary', '');
    expect(mapPagerDutyEvent(body, pagerduty, facts).rejected).toEqual([
      {
        field: 'payload.summary',
        message:
          'payload.summary must be non-blank text of at most 1024 characters, without NUL or unpaired surrogates',
      },
    ]);
  });
});

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
