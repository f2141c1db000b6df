import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '@oncall/platform-clock';
import {
  buildTicketInput,
  CallOutcome,
  createIdempotencyKey,
  LaneStep,
  noteOf,
  operationIdempotencyKey,
  resolutionNoteOf,
} from '@oncall/psa-domain';
import { DataSource } from 'typeorm';
import { PsaAdapter, PsaCallError, PsaConnection } from '../adapters/psa-adapter.port';
import { DirectoryCopies } from '../directory/directory-copies';
import { IncidentCopies, IncidentCopy } from '../incident-events/incident-copies';
import { StepDetail } from '../links/lane-records';
import { LoadedLane } from '../links/ticket-lanes.store';
import { keyOf, OperationPayload } from '../links/ticket-link.rows';
import { PsaSettingsStore } from '../settings/psa-settings.store';
import { PsaSyncConfig } from '../psa-sync.config';

type Step = Exclude<LaneStep, { kind: 'idle' }>;

export interface StepResult {
  outcome: CallOutcome;
  detail: StepDetail;
}

/**
 * Makes one step's call to the PSA, outside any transaction: the ticket's text is written now, from the
 * incident as psa-sync knows it and the directory's local copies, with the organization's mapping.
 */
@Injectable()
export class PsaCalls {
  constructor(
    private readonly connection: PsaConnection,
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentCopies,
    private readonly directory: DirectoryCopies,
    private readonly settings: PsaSettingsStore,
    private readonly config: PsaSyncConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async perform(step: Step, lane: LoadedLane): Promise<StepResult> {
    const adapter = this.connection.adapter;
    if (!adapter) throw new Error('No PSA is configured');
    const incident = await this.incidents.find(this.dataSource, keyOf(lane.link));
    const detail: StepDetail = {};
    try {
      if (step.kind === 'create') {
        if (!incident) return waitFor('The incident’s details have not reached psa-sync yet');
        return { outcome: { ok: true, ticket: await this.create(adapter, step.lookUpFirst, lane, incident) }, detail }; // prettier-ignore
      }
      await this.operate(adapter, step, lane, incident, detail);
      return { outcome: { ok: true }, detail };
    } catch (error) {
      if (error instanceof PsaCallError) return { outcome: { ok: false, failure: error.failure }, detail };
      throw error;
    }
  }

  private async create(adapter: PsaAdapter, lookUpFirst: boolean, lane: LoadedLane, incident: IncidentCopy) {
    const { orgId, incidentId } = keyOf(lane.link);
    const client = this.directory.clientOf(orgId, incident.serviceId);
    const input = buildTicketInput(
      {
        orgId,
        incidentId,
        title: incident.title,
        severity: incident.severity,
        triggeredAt: incident.triggeredAt,
        serviceId: incident.serviceId,
        serviceName: this.directory.service(orgId, incident.serviceId)?.name ?? null,
        client: client ? { name: client.name, psaExternalId: client.psaExternalId } : null,
        alert: incident.alert,
        acknowledged: incident.acknowledgedAt
          ? { at: incident.acknowledgedAt, by: this.directory.userName(orgId, incident.acknowledgedBy) }
          : null,
        incidentUrl: this.config.PUBLIC_URL ? new URL(`incidents/${incidentId}`, withSlash(this.config.PUBLIC_URL)).href : null, // prettier-ignore
      },
      await this.settings.settingsOf(orgId),
    );
    const found = lookUpFirst ? await adapter.findByExternalId(input.externalId) : null;
    return found ?? adapter.createTicket(input, { idempotencyKey: createIdempotencyKey(orgId, incidentId, lane.link.generation) }); // prettier-ignore
  }

  private async operate(
    adapter: PsaAdapter,
    step: Extract<Step, { kind: 'operation' }>,
    lane: LoadedLane,
    incident: IncidentCopy | undefined,
    detail: StepDetail,
  ): Promise<void> {
    const { orgId, incidentId } = keyOf(lane.link);
    const options = { idempotencyKey: operationIdempotencyKey(orgId, incidentId, step.operation.id) };
    const payload = lane.operation?.payload as OperationPayload;
    const can = adapter.capabilities;
    if (step.operation.kind === 'close') {
      const { onResolve } = await this.settings.settingsOf(orgId);
      const status = onResolve.action === 'set-status' && can.setStatus ? onResolve.status : null;
      detail.closedWith = status;
      if (status) return adapter.setStatus(step.ticket, status, options);
      return can.closeTicket ? adapter.closeTicket(step.ticket, options) : undefined;
    }
    // A PSA without notes (an adapter that says so) gets none: they stay on the incident's timeline.
    if (!can.notes) return;
    if (payload.kind === 'note') {
      detail.noteId = payload.noteId;
      const author = this.directory.userName(orgId, payload.by);
      return adapter.addNote(step.ticket, noteOf({ text: payload.text, at: payload.at, author }), options);
    }
    const note = resolutionNoteOf({
      reason: payload.reason,
      at: payload.at,
      by: this.directory.userName(orgId, payload.by),
      mergedInto: payload.mergedInto,
      triggeredAt: incident?.triggeredAt ?? payload.at,
      acknowledgedAt: incident?.acknowledgedAt ?? null,
    });
    return adapter.addNote(step.ticket, note, options);
  }

  /** The platform's time, for the decision that follows the call. */
  now(): Date {
    return this.clock.now();
  }
}

function waitFor(message: string): StepResult {
  return { outcome: { ok: false, failure: { kind: 'transient', status: null, message } }, detail: {} };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
