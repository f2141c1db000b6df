import { IncidentEscalationView, IncidentSummary, ServiceState } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { ServiceDirectory } from '../../apps/dedup-grouping/src/collaborators/service-directory';
import { ESCALATION_SCHEMA } from '../../apps/escalation/src/escalation.service';
import { DirectoryCopies } from '../../apps/escalation/src/local-copies/directory-copies';
import { DEMO_USERS } from '../../apps/admin-api/src/seed/seed-demo';
import { IncidentStage, IncidentStageOptions, LaunchedStage } from './incident-stage';
import { TestClock } from './notification-bus';
import { PagingWatch } from './paging-watch';
import { untilDueTimersFired, untilPipelineAtRest, untilStateCopiesHave } from './settled';
import { ALL_SERVICES, ServiceName } from './service-catalogue';

export const [MORGAN, TAYLOR, JORDAN] = DEMO_USERS;
export const MINUTE = 60_000;

/** A policy's steps that page `users` one at a time, one user a step, `delayMinutes` apart. */
export const oneUserPerStep = (users: { id: string }[], delayMinutes = 5) =>
  users.map((user) => ({ delayMinutes, targets: [{ type: 'user', id: user.id }] }));

/** The services paging needs: an alert in, incident-state, scheduling, escalation (no notification). */
export const PAGING_SERVICES: ServiceName[] = [
  'admin-api',
  'ingestion-gateway',
  'dedup-grouping',
  'incident-state',
  'scheduling',
  'escalation',
];

/**
 * The platform in test-clock mode (PLATFORM_CLOCK=test) with the demo organization, a watch on everything
 * the engine publishes and a clock every service follows: the shape of GoAlert's smoke harness.
 */
export class EscalationPlatform extends IncidentStage {
  private constructor(
    launched: LaunchedStage,
    readonly watch: PagingWatch,
    readonly clock: TestClock,
  ) {
    super(...launched);
  }

  /** Starts `services` (the paging services unless told) on the test clock, unless `env` says otherwise. */
  static override async start(
    label: string,
    options: IncidentStageOptions = {},
  ): Promise<EscalationPlatform> {
    const launched = await IncidentStage.launch(label, {
      services: options.services ?? PAGING_SERVICES,
      env: { PLATFORM_CLOCK: 'test', ...options.env },
    });
    const [platform, , bus] = launched;
    const watch = await PagingWatch.start(bus).catch(async (error: unknown) => {
      await bus.close();
      await platform.close(); // nothing is left holding database connections when a start fails
      throw error;
    });
    return new EscalationPlatform(launched, watch, new TestClock(bus));
  }

  override async close(): Promise<void> {
    await this.watch.stop();
    await super.close();
  }

  override get manager(): string {
    return this.platform.token(this.demo.orgId, 'manager', MORGAN.hubUserId, MORGAN.email);
  }

  technician(user: { hubUserId: string; email: string } = TAYLOR): string {
    return this.platform.token(this.demo.orgId, 'technician', user.hubUserId, user.email);
  }

  async call<T>(method: string, path: string, body?: unknown, token = this.manager): Promise<T> {
    const init = { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    const response = await this.platform.api(path, token, init);
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async createPolicy(steps: unknown[], repeatCount = 0): Promise<{ id: string }> {
    const name = `Policy ${randomUUID().slice(0, 8)}`;
    return this.call('POST', '/api/v1/escalation-policies', { name, repeatCount, steps });
  }

  /** Creates a policy of `steps` and points the demo service at it (as useForDemoService); the policy's id. */
  async useNewPolicy(steps: unknown[], repeatCount = 0): Promise<string> {
    const { id } = await this.createPolicy(steps, repeatCount);
    await this.useForDemoService(id);
    return id;
  }

  /** Points the demo service at a policy (and urgency rule), once dedup-grouping's and escalation's copies have it. */
  async useForDemoService(escalationPolicyId: string | null, urgencyRule?: unknown): Promise<void> {
    const path = `/api/v1/services/${this.demo.serviceId}`;
    await this.call('PATCH', path, { escalationPolicyId, ...(urgencyRule ? { urgencyRule } : {}) });
    const { orgId, serviceId } = this.demo;
    const routes = this.platform.service('dedup-grouping').app.get(ServiceDirectory);
    await waitFor('dedup-grouping to route with the policy', () => {
      return routes.routeOf(orgId, serviceId)?.escalationPolicyId === escalationPolicyId;
    });
    const matches = (service: ServiceState | null | undefined) =>
      service?.escalationPolicyId === escalationPolicyId &&
      (!urgencyRule || canonical(service?.urgencyRule) === canonical(urgencyRule));
    if (!this.platform.isRunning('escalation')) {
      // Escalation runs as its own process: every copy of the service (its own too) has been handed the change.
      await untilStateCopiesHave<ServiceState>(this.bus, 'service', serviceId, 'with the policy', matches);
      return;
    }
    const copies = this.platform.service('escalation').app.get(DirectoryCopies);
    await waitFor("escalation's copy of the service", () => matches(copies.service(orgId, serviceId)));
  }

  /** Sets the demo service's acknowledgement timeout and auto-resolve time, once escalation's copy has them. */
  async setDemoServiceTimeouts(ackTimeoutSeconds: number | null, autoResolveSeconds: number | null) {
    await this.call('PATCH', `/api/v1/services/${this.demo.serviceId}`, {
      ackTimeoutSeconds,
      autoResolveSeconds,
    });
    const copies = this.platform.service('escalation').app.get(DirectoryCopies);
    await waitFor("escalation's copy of the service's timeouts", () => {
      const service = copies.service(this.demo.orgId, this.demo.serviceId);
      return (service?.ackTimeoutSeconds ?? null) === ackTimeoutSeconds && (service?.autoResolveSeconds ?? null) === autoResolveSeconds; // prettier-ignore
    });
  }

  /** An alert with a key of its own, and the incident it opened (a loaded machine may take a while). */
  async trigger(summary: string, extra: Record<string, unknown> = {}): Promise<IncidentSummary> {
    const body = { summary, severity: 'high', source: 'rmm', dedupKey: randomUUID(), ...extra };
    const response = await this.platform.postAlert(this.demo.integrationKey, body);
    if (response.status !== 202)
      throw new Error(`alert refused: ${response.status} ${await response.text()}`);
    return waitFor(
      `incident "${summary}"`,
      async () =>
        (await this.incidents.list(this.manager, '?status=triggered')).items.find((i) => i.title === summary),
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  }

  /** Triggers an incident (as `trigger`) and waits for its first page; the incident's id. */
  async triggerPaged(summary: string, extra: Record<string, unknown> = {}): Promise<string> {
    const { incidentId } = await this.trigger(summary, extra);
    await this.watch.waitForPages(incidentId, 1);
    return incidentId;
  }

  async escalation(incidentId: string): Promise<IncidentEscalationView> {
    return this.call('GET', `/api/v1/incidents/${incidentId}/escalation`);
  }

  /**
   * Moves every service's clock forward and lets due timers fire. Returns once the services running here
   * keep the new time, so what a test does next (an acknowledgement, say) is stamped after the jump.
   */
  async fastForward(minutes: number): Promise<void> {
    await this.clock.fastForward(minutes * MINUTE);
    const target = this.clock.now().getTime() - 1_000;
    for (const name of ALL_SERVICES.filter((service) => this.platform.isRunning(service))) {
      const clock = this.platform.service(name).app.get<symbol, Clock>(CLOCK, { strict: false });
      await waitFor(`${name}'s clock moved on`, () => clock.now().getTime() >= target);
    }
  }

  /**
   * The engine has done everything it would do by now: every timer due on the test clock has fired, no
   * outbox holds a message and no consumer one in hand, and the watch has read all it was sent. A check
   * that no further page came is proof after this, not after a sleep.
   */
  async untilAtRest(): Promise<void> {
    const now = this.clock.now();
    // A fired timer leaves a message to relay, and a relayed event may set a timer due now: twice round.
    for (let round = 0; round < 2; round++) {
      await untilDueTimersFired(this.platform, ESCALATION_SCHEMA, now);
      await untilPipelineAtRest(this.platform, this.bus);
    }
    await this.watch.caughtUp();
  }
}

/** JSON with object keys sorted (jsonb reorders them). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
