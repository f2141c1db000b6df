import { Inject, Injectable } from '@nestjs/common';
import { CanonicalAlert } from '@oncall/contracts';
import { KeyBatchStep, nextKeyBatchStep, OpenAlert } from '@oncall/dedup-domain';
import { IncidentCommand } from '@oncall/incident-domain';
import { RpcError } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { AlertHistoryStore } from '../alert-history/alert-history.store';
import { alertInput, contextOf } from './alert-commands';
import { AlertGrouping } from './alert-grouping';
import { CorrelationRules } from './correlation-rules';
import { IncidentCommandsClient } from '../collaborators/incident-commands.client';
import { ServiceDirectory } from '../collaborators/service-directory';
import { AlertKeyState, OpenAlertIndex } from '../open-alerts/open-alert-index';
import { ReceivedAlert } from './received-alert';
import { replayedCount } from './replayed-alerts';

/**
 * Refusals meaning the index points at an incident that is over (resolved) or never came to be (its
 * trigger was dead-lettered): the alert belongs to a new incident instead.
 */
const STALE_ENTRY_CODES = new Set(['INCIDENT_RESOLVED', 'INCIDENT_NOT_FOUND']);

export interface StepResult {
  covered: number;
  /** Settles once the covered alerts' history rows are written (their checkpoint may move then). */
  written: Promise<void>;
  /** The key's open alert after the step; undefined when unknown (look it up before the next step). */
  open: OpenAlert | null | undefined;
}

const STALE = Symbol('stale');

/** Thrown for a step whose service the local copy does not know yet (retried like an unavailable one). */
export class UnknownServiceError extends Error {
  constructor(serviceId: string) {
    super(`Service ${serviceId} is not in the local copy of the directory (yet)`);
  }
}

/**
 * Applies a run of alerts of ONE key, in order: plans a step (open, count repeats, acknowledge, resolve,
 * drop), performs it, and plans again with what is left. Every step is idempotent under replay from the
 * partition's watermark: a trigger opens the incident named after its alert, repeats carry their stream
 * sequences, acknowledge/resolve change nothing twice.
 */
@Injectable()
export class KeyBatchHandler {
  constructor(
    private readonly index: OpenAlertIndex,
    private readonly incidents: IncidentCommandsClient,
    private readonly services: ServiceDirectory,
    private readonly history: AlertHistoryStore,
    private readonly correlation: CorrelationRules,
    private readonly grouping: AlertGrouping,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Performs the next step for the alerts at the front of `alerts` (all of one key), knowing the key's
   * open alert when the caller does (`undefined`: look it up). Answers how many alerts it covered and the
   * open alert after it; 0 covered means the index changed under the step and the caller plans again.
   */
  async performNext(alerts: readonly ReceivedAlert[], known?: OpenAlert | null): Promise<StepResult> {
    const [head] = alerts;
    const first = head.alert;
    // Route, then maintenance (ADR 0170's order), for a trigger that may open an incident.
    if (head.action === 'trigger' && head.disposition === 'page' && !known && !head.verdict)
      head.decide(this.correlation.decide(first));
    if (head.action === 'trigger' && head.disposition === 'record') {
      // Recorded triggers never touch the index; what the caller knew of the key stays true.
      const step = nextKeyBatchStep(alerts, known ?? null);
      const covered = alerts.slice(0, step.count);
      const { written } = await this.history.keep(first.orgId, covered, null);
      return { covered: step.count, open: known, written };
    }
    // A trigger claims the key straight away (one round trip either way): free, it opens the incident;
    // held, the claim answers the holder.
    const key =
      known !== undefined
        ? { open: known, appliedThrough: 0, lastIncidentId: null }
        : first.action === 'trigger'
          ? await this.index.claim(first, first.alertId, head.sequence)
          : await this.index.find(first);
    const replayed = replayedCount(alerts, key.appliedThrough);
    if (replayed > 0) return this.skipReplayed(alerts.slice(0, replayed), key);
    const { open } = key;
    const step = nextKeyBatchStep(alerts, open);
    const covered = alerts.slice(0, step.count);
    const after = await this.perform(step, covered, open);
    if (after === STALE) return { covered: 0, open: undefined, written: Promise.resolve() };
    // Applied: a replay of these alerts (a crash before the checkpoint passed them) skips them from now on.
    if (step.kind !== 'drop' && step.kind !== 'record-alerts')
      await this.index.applied(first, covered[covered.length - 1].sequence);
    // After the step, so a replay that stores the rows again finds them there (ON CONFLICT, no change).
    const { written } = await this.history.keep(first.orgId, covered, incidentOf(step, after));
    return { covered: step.count, open: after, written };
  }

  /**
   * Alerts the key applied before a crash, read again from a checkpoint that had not passed them: nothing
   * is applied again. Their history rows are stored again in case the crash lost them (ON CONFLICT, no
   * change otherwise), under the key's incident, or the last one it had.
   */
  private async skipReplayed(replayed: readonly ReceivedAlert[], key: AlertKeyState): Promise<StepResult> {
    const [first] = replayed;
    this.logger.info(
      { alertId: first.alertId, count: replayed.length, appliedThrough: key.appliedThrough },
      'Alerts replayed after a crash were applied already; skipped',
    );
    const incidentId = key.open?.incidentId ?? key.lastIncidentId;
    const { written } = await this.history.keep(first.alert.orgId, replayed, incidentId);
    return { covered: replayed.length, open: key.open, written };
  }

  /** Answers the key's open alert after the step, or STALE when the index changed under it. */
  private async perform(
    step: KeyBatchStep,
    covered: readonly ReceivedAlert[],
    open: OpenAlert | null,
  ): Promise<OpenAlert | null | typeof STALE> {
    const [first] = covered;
    switch (step.kind) {
      case 'open-incident':
        return this.openIncident(first, open);
      case 'record-repeats': {
        const applied = await this.unlessStale(step.incidentId, first, () =>
          this.incidents.batched(repeatsCommand(step.incidentId, covered), contextOf(first)),
        );
        return applied ? open : STALE;
      }
      case 'acknowledge-incident':
      case 'resolve-incident': {
        const applied = await this.unlessStale(step.incidentId, first, () =>
          this.incidents.execute(sourceCommand(step, first.alert), contextOf(first)),
        );
        if (!applied) return STALE;
        if (step.kind === 'acknowledge-incident') return open;
        await this.index.releaseIncident(first.alert.orgId, step.incidentId);
        return null;
      }
      case 'record-alerts':
        return open;
      case 'drop':
        this.logger.info(
          { alertId: first.alert.alertId, dedupKey: first.alert.dedupKey },
          `Alert dropped: ${step.reason}`,
        );
        return open;
    }
  }

  private async openIncident(
    received: ReceivedAlert,
    open: OpenAlert | null,
  ): Promise<OpenAlert | typeof STALE> {
    const { alert } = received;
    const holder =
      open?.openedByAlertId === alert.alertId
        ? open
        : (await this.index.claim(alert, alert.alertId, received.sequence)).open;
    // Another alert holds the key (this one is a repeat of it), or the key applied this alert: plan again.
    if (holder?.openedByAlertId !== alert.alertId) return STALE;
    // This alert opened an incident since merged into another one, which holds it now: nothing to do.
    if (holder.incidentId !== alert.alertId) return holder;
    const serviceId = received.verdict?.serviceId ?? alert.serviceId;
    const route = this.services.routeOf(alert.orgId, serviceId);
    if (!route) throw new UnknownServiceError(serviceId);
    const grouped = await this.grouping.join(received, serviceId, route.grouping);
    if (grouped) {
      // The key now belongs to the group's incident: its repeats, acknowledge and resolve act there.
      await this.index.moveIncident(alert.orgId, alert.alertId, grouped);
      return { incidentId: grouped, openedByAlertId: alert.alertId };
    }
    await this.incidents.trigger(
      {
        type: 'TriggerIncident',
        data: {
          incidentId: alert.alertId,
          orgId: alert.orgId,
          serviceId,
          escalationPolicyId: route.escalationPolicyId,
          // The gateway refuses blank summaries; trimming keeps stray whitespace out of titles.
          title: alert.summary.trim(),
          severity: alert.severity,
          // Defend's critical/high detections demand high urgency whatever the service's rule (ADR 0170).
          urgency: alert.urgency ?? route.urgency,
          alert: alertInput(received),
        },
        by: { kind: 'integration', integrationId: alert.integrationId },
        at: alert.receivedAt,
      },
      contextOf(received),
    );
    return holder;
  }

  /** Runs a command on an indexed incident; false (and the entry released) when the entry was stale. */
  private async unlessStale(incidentId: string, first: ReceivedAlert, run: () => Promise<unknown>) {
    try {
      await run();
      return true;
    } catch (error) {
      if (!(error instanceof RpcError && STALE_ENTRY_CODES.has(error.code))) throw error;
      // Resolved before we heard of it: free the key; the next plan opens a new incident.
      await this.index.releaseIncident(first.alert.orgId, incidentId);
      return false;
    }
  }
}

/** The incident an alert's step opened or acted on; null for recorded and dropped alerts. */
function incidentOf(step: KeyBatchStep, after: OpenAlert | null): string | null {
  if (step.kind === 'open-incident') return after?.incidentId ?? step.incidentId;
  return 'incidentId' in step ? step.incidentId : null;
}

function repeatsCommand(incidentId: string, repeats: readonly ReceivedAlert[]): IncidentCommand {
  const last = repeats[repeats.length - 1].alert;
  return {
    type: 'RecordAlertRepeats',
    data: {
      incidentId,
      orgId: last.orgId,
      dedupKey: last.dedupKey,
      integrationId: last.integrationId,
      sequences: repeats.map((received) => received.sequence),
      last: { alertId: last.alertId, summary: last.summary, severity: last.severity },
    },
    by: { kind: 'integration', integrationId: last.integrationId },
    at: last.receivedAt,
  };
}

function sourceCommand(
  step: Extract<KeyBatchStep, { kind: 'acknowledge-incident' | 'resolve-incident' }>,
  alert: CanonicalAlert,
): IncidentCommand {
  return {
    type: step.kind === 'acknowledge-incident' ? 'AcknowledgeIncident' : 'ResolveIncident',
    data: { incidentId: step.incidentId, orgId: alert.orgId },
    by: { kind: 'integration', integrationId: alert.integrationId },
    at: alert.receivedAt,
  };
}
