import { Streams } from '@oncall/contracts';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { stageForAll } from '@oncall/platform-testing';
import { storedAlerts } from './support/alert-stream';
import { IncidentStage } from './support/incident-stage';

interface Problem {
  status: number;
  code?: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

const DEFEND_KEY = 'defend-contract-key-0123456789abcdef';

/**
 * Issue 8 for the gateway: Content-Type and Content-Encoding honoured (ADR 0132), the size limit applied
 * after decompression, and no refusal ever echoing the integration key.
 */
describe('Gateway HTTP contract', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('gwhttp', {
      services: ['admin-api', 'ingestion-gateway'],
      env: { DEFEND_SERVICE_KEY: DEFEND_KEY },
    }),
  );

  const alert = (summary: string) => JSON.stringify({ summary, severity: 'info', source: 'contract-test' });
  const post = (headers: Record<string, string>, body: string | Buffer, key = stage.demo.integrationKey) =>
    fetch(`${stage.platform.url('ingestion-gateway')}/v1/alerts/generic/${key}`, {
      method: 'POST',
      headers,
      body,
    });

  describe('accepts JSON however it is labelled and encoded, and stores it', () => {
    it.each<[string, Record<string, string>, (text: string) => string | Buffer]>([
      ['application/json', { 'content-type': 'application/json' }, (text) => text],
      ['charset=utf-8', { 'content-type': 'application/json; charset=UTF-8' }, (text) => text],
      ['a +json type', { 'content-type': 'application/vnd.pagerduty+json' }, (text) => text],
      // fetch labels a string text/plain; bytes go unlabelled.
      ['no Content-Type at all', {}, (text) => Buffer.from(text)],
      ['gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, (text) => gzipSync(text)],
      [
        'deflate',
        { 'content-type': 'application/json', 'content-encoding': 'deflate' },
        (text) => deflateSync(text),
      ],
      ['raw deflate', { 'content-encoding': 'deflate' }, (text) => deflateRawSync(text)],
      ['a byte order mark', { 'content-type': 'application/json' }, (text) => `\ufeff${text}`],
    ])('%s', async (label, headers, encode) => {
      const response = await post(headers, encode(alert(`sent as ${label}`)));
      expect(response.status).toBe(202);
      const { alertId } = (await response.json()) as { alertId: string };
      expect((await storedAlerts(stage.platform)).get(alertId)?.summary).toBe(`sent as ${label}`);
    });
  });

  describe('refuses what it cannot read, naming the header or the body', () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
    it.each<[string, Record<string, string>, string | Buffer, number, string]>([
      ['text/plain', { 'content-type': 'text/plain' }, alert('x'), 415, 'content-type'],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, alert('x'), 415, 'content-type'],
      [
        'another charset',
        { 'content-type': 'application/json; charset=iso-8859-1' },
        alert('x'),
        415,
        'content-type',
      ],
      [
        'brotli',
        { 'content-type': 'application/json', 'content-encoding': 'br' },
        alert('x'),
        415,
        'content-encoding',
      ],
      [
        'gzip that is not',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        alert('x'),
        400,
        'body',
      ],
      [
        'a zip bomb (64 MiB of spaces)',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        bomb,
        400,
        'body',
      ],
      [
        'nesting 65 deep',
        { 'content-type': 'application/json' },
        `{"a":${'['.repeat(64)}${']'.repeat(64)}}`,
        400,
        'body',
      ],
    ])('%s', async (_, headers, body, status, field) => {
      const before = (await storedAlerts(stage.platform)).size;
      const response = await post(headers, body);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as Problem;
      expect(problem.errors?.map((error) => error.field)).toEqual([field]);
      expect(problem.detail).toContain(field);
      expect((await storedAlerts(stage.platform)).size).toBe(before);
    });
  });

  it('never echoes the integration key, wherever in the URL it was put', async () => {
    const key = stage.demo.integrationKey;
    const base = stage.platform.url('ingestion-gateway');
    const attempts: [string, RequestInit][] = [
      [`/v1/alerts/generic/${key.replace(/.$/, '0')}`, { method: 'POST', body: alert('x') }],
      [`/v1/alerts/generic/${key}`, { method: 'POST', body: 'not json' }],
      [`/v1/alerts/generic/${key}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
      [`/v1/alerts/nagios/${key}`, { method: 'POST', body: alert('x') }],
      [`/v1/alerts/${key}`, { method: 'POST', body: alert('x') }],
      [`/v1/alerts/generic/${key}/extra`, { method: 'POST', body: alert('x') }],
      [`/v1/alerts/generic/x${key}x`, { method: 'POST', body: alert('x') }],
      [`/v1/alerts/generic/${key}`, { method: 'GET' }],
      [`/v1/alerts/generic/%E0%A4%A${key}`, { method: 'POST', body: alert('x') }],
      [`/${key}?key=${key}`, { method: 'GET' }],
      [`/v1/alerts/defend?k=${key}`, { method: 'POST', body: alert('x') }],
      [
        '/v1/alerts/defend',
        { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: alert('x') },
      ],
    ];
    for (const [path, init] of attempts) {
      const response = await fetch(`${base}${path}`, init);
      expect({ path, status: response.status }).toEqual({ path, status: expect.any(Number) });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const text = await response.text();
      expect({ path, echoed: text.includes(key) }).toEqual({ path, echoed: false });
    }
  });

  it('is ready when NATS answers and its copy of the keys is loaded; PostgreSQL is none of its business', async () => {
    const response = await fetch(`${stage.platform.url('ingestion-gateway')}/readyz`);
    expect(await response.json()).toEqual({ status: 'ready', checks: { nats: 'up', integrationKeys: 'up' } });
  });

  // Last: deletes the alert stream.
  it('answers 503 with Retry-After, never 202, when JetStream cannot store the alert', async () => {
    await stage.bus.jsm.streams.delete(stage.bus.namespace.stream(Streams.alerts.name));
    const response = await post({ 'content-type': 'application/json' }, alert('nowhere to go'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as Problem).code).toBe('ALERT_NOT_STORED');
  });
});
