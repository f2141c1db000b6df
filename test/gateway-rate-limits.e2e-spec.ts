import { Streams } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import { IncidentStage } from './support/incident-stage';
import { integrate } from './support/intake-fixtures';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

/**
 * Issue 9 item 3 and issue 8 item 10: a token bucket per integration (429 with Retry-After, other
 * integrations unaffected) and a budget of refused keys per source address (key guessing slowed).
 */
describe('Gateway rate limits', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('gwlimits', {
      services: ['admin-api', 'ingestion-gateway'],
      env: {
        INTEGRATION_RATE_PER_SECOND: '1',
        INTEGRATION_RATE_BURST: '5',
        INVALID_KEY_RATE_PER_SOURCE: '1',
        INVALID_KEY_BURST_PER_SOURCE: '3',
        // The test plays several senders through X-Forwarded-For.
        TRUST_PROXY: '127.0.0.1',
      },
    }),
  );

  const issueKey = async (name: string) =>
    (await integrate(stage.platform, stage.manager, stage.demo.serviceId, 'generic', name)).key;

  const post = (key: string, source = '203.0.113.1') =>
    fetch(`${stage.platform.url('ingestion-gateway')}/v1/alerts/generic/${key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': source },
      body: JSON.stringify({ summary: 'Disk almost full', severity: 'warning', source: 'limits-test' }),
    });

  const alertsStored = async (): Promise<number> =>
    (await stage.bus.jsm.streams.info(stage.bus.namespace.stream(Streams.alerts.name))).state.messages;

  it('answers 429 with Retry-After to an integration over its limit; another of the same organization is unaffected', async () => {
    const other = await issueKey('Second monitoring');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(stage.demo.integrationKey)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202]);

    const before = await alertsStored();
    const limited = await post(stage.demo.integrationKey);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await limited.json()) as Problem;
    expect(problem).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(JSON.stringify(problem)).not.toContain(stage.demo.integrationKey);
    expect(await alertsStored()).toBe(before);

    for (let i = 0; i < 5; i++) expect((await post(other)).status).toBe(202);

    await new Promise((resolve) => setTimeout(resolve, Number(limited.headers.get('retry-after')) * 1000));
    expect((await post(stage.demo.integrationKey)).status).toBe(202);
  });

  it('slows key guessing: a source that presented too many refused keys gets 429 whatever the key; other sources do not', async () => {
    const key = await issueKey('Third monitoring');
    const guesser = '198.51.100.7';
    for (const guess of ['0'.repeat(32), '1'.repeat(32), 'not-a-key']) {
      expect((await post(guess, guesser)).status).toBe(401);
    }
    for (const attempt of ['2'.repeat(32), key]) {
      const refused = await post(attempt, guesser);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const problem = (await refused.json()) as Problem;
      expect(problem.code).toBe('TOO_MANY_INVALID_KEYS');
      expect(JSON.stringify(problem)).not.toContain(attempt);
    }
    expect((await post(key, '198.51.100.8')).status).toBe(202);
  });
});
