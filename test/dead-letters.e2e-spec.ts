import {
  alertPartitionOf,
  alertReceivedSubject,
  CanonicalAlert,
  CursorPage,
  Headers,
  IncidentPage,
} from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { headers as natsHeaders } from 'nats';
import { randomUUID } from 'node:crypto';
import { DEMO_INTEGRATION } from '../apps/admin-api/src/seed/seed-demo';
import { DeadLetterView } from '../apps/admin-api/src/dead-letters/dead-letter.view';
import { IncidentStage } from './support/incident-stage';
import { alertReceived } from './support/stream-alerts';

/**
 * A message that can never be applied goes to the dead letters at once, never holds back the messages
 * behind it, and is visible to operators (metric, API for the organization's managers). The messages are
 * put on the alert stream directly, as a producer that does not validate (an older gateway) would.
 */
describe('Messages that can never be applied, on the alert path', () => {
  const stage = stageForAll(() => IncidentStage.start('deadletters'));

  /** An alert of the demo integration, summarised "Unreachable" unless told, received now. */
  const receivedAlert = (fields: Pick<CanonicalAlert, 'dedupKey'> & Partial<CanonicalAlert>) =>
    alertReceived({
      orgId: stage.demo.orgId,
      integrationId: DEMO_INTEGRATION.id,
      serviceId: stage.demo.serviceId,
      summary: 'Unreachable',
      ...fields,
    });

  async function deadLetters(
    token: string,
    query = '',
  ): Promise<{ status: number; page: CursorPage<DeadLetterView> }> {
    const response = await stage.platform.api(`/api/v1/dead-letters${query}`, token);
    return { status: response.status, page: (await response.json()) as CursorPage<DeadLetterView> };
  }

  it('dead-letters each at once and lets the valid alert behind them through within seconds', async () => {
    // All on the partition of the valid alert, one of them with its key: what holds one back holds it.
    const key = `valid-${randomUUID()}`;
    const partition = alertReceivedSubject(alertPartitionOf(DEMO_INTEGRATION.id, key));
    // dedup-grouping's own query refuses the first key (22021); incident-state refuses the summary
    // (VALIDATION); nobody can read the third one.
    await stage.bus.publisher.publish(partition, receivedAlert({ dedupKey: 'nul\u0000key' }));
    await stage.bus.publisher.publish(
      partition,
      receivedAlert({ dedupKey: key, summary: 'nul \u0000 summary' }),
    );
    const unreadable = natsHeaders();
    unreadable.set(Headers.orgId, stage.demo.orgId);
    await stage.bus.js.publish(
      stage.bus.namespace.subject(partition),
      new TextEncoder().encode('{not json'),
      {
        headers: unreadable,
      },
    );
    const started = Date.now();
    const summary = `Valid alert behind three bad ones ${randomUUID()}`;
    const accepted = await stage.platform.postAlert(stage.demo.integrationKey, {
      summary,
      severity: 'high',
      source: 'rmm',
    });
    expect(accepted.status).toBe(202);
    await waitFor('the valid alert’s incident', async () => {
      const page = (await (
        await stage.platform.api('/api/v1/incidents', stage.manager)
      ).json()) as IncidentPage;
      return page.items.find((incident) => incident.title === summary);
    });
    // Retried eight times each with back-off, the first one alone held everything for about 30 s.
    expect(Date.now() - started).toBeLessThan(10_000);

    const { page } = await waitFor('three dead letters', async () => {
      const answer = await deadLetters(stage.manager);
      return answer.page.items.length === 3 ? answer : undefined;
    });
    // Keys are applied in parallel: the letters may come in any order.
    const byReason = (pattern: RegExp) => page.items.find((letter) => pattern.test(letter.reason));
    expect(byReason(/SQLSTATE 22021/)).toMatchObject({
      messageType: 'AlertReceived',
      attempts: 1,
      permanent: true,
      reason: 'The database cannot store data in this message (SQLSTATE 22021).',
    });
    expect(
      byReason(/^Refused: Invalid title for incident .+without NUL or unpaired surrogates\.$/),
    ).toMatchObject({
      messageType: 'AlertReceived',
      permanent: true,
      data: { summary: 'nul \u0000 summary' },
    });
    // Dead-lettered on the refusal itself; one earlier try may have found incident-state busy (a wait, not
    // a retry of the refusal) when the machine is loaded.
    expect(byReason(/^Refused: /)!.attempts).toBeLessThanOrEqual(2);
    expect(byReason(/^The message is not valid JSON\.$/)).toMatchObject({ attempts: 1, permanent: true });
    for (const letter of page.items)
      expect(JSON.stringify(letter)).not.toMatch(/oncall\.|ONCALL_|SELECT|dedup_key/);
  });

  it('counts them in oncall_dead_letters_total on the consumer’s service', async () => {
    const metrics = await (await fetch(`${stage.platform.url('dedup-grouping')}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find(
        (text) =>
          text.startsWith('oncall_dead_letters_total{') && text.includes('durable="dedup-grouping-alerts"'),
      );
    expect(line).toMatch(/stream="ONCALL_ALERTS"/);
    expect(line).toMatch(/ 3$/);
  });

  it('shows them to managers and owners of the organization only, a page at a time', async () => {
    expect((await deadLetters(stage.token('owner'))).page.items).toHaveLength(3);
    expect((await deadLetters(stage.token('technician'))).status).toBe(403);
    const stranger = await deadLetters(stage.platform.token('another-msp', 'manager'));
    expect(stranger).toEqual({ status: 200, page: { items: [], nextCursor: null } });

    const sequences: number[] = [];
    let cursor: string | null = null;
    do {
      const answer: { page: CursorPage<DeadLetterView> } = await deadLetters(
        stage.manager,
        `?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      sequences.push(...answer.page.items.map((letter) => letter.sequence));
      cursor = answer.page.nextCursor;
    } while (cursor);
    expect(sequences).toHaveLength(3);
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);

    const forged = Buffer.from(JSON.stringify(['dead-letters', -1])).toString('base64url');
    const refused = await stage.platform.api(`/api/v1/dead-letters?cursor=${forged}`, stage.manager);
    expect([
      refused.status,
      ((await refused.json()) as { errors: { field: string }[] }).errors[0].field,
    ]).toEqual([400, 'cursor']);
  });
});
