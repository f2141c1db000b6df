import {
  ConfigurationChanged,
  configurationChangedSubject,
  escalationEventSubject,
  incidentEventSubject,
  MessageEnvelope,
  NotifyRequested,
  OverrideView,
  ScheduleView,
} from '@oncall/contracts';
import { openServiceDataSource } from '@oncall/platform-persistence';
import { migratedTestDatabase, MigratedTestDatabase } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import type { FactSource } from '../projections/reporting.projection';
import { REPORTING_MIGRATIONS, REPORTING_SCHEMA } from '../reporting.service';

export interface Fact {
  source: FactSource;
  envelope: MessageEnvelope;
}

/** The subject the owning service publishes the fact on. */
export function subjectOf(fact: Fact): string {
  const { type, data } = fact.envelope;
  if (fact.source === 'incident') return incidentEventSubject(type, 1);
  if (fact.source === 'escalation') return escalationEventSubject(type);
  const change = data as ConfigurationChanged;
  return configurationChangedSubject('scheduling', change.resourceType, change.action);
}

const at = (base: string, seconds: number) => new Date(Date.parse(base) + seconds * 1000).toISOString();

function envelope(
  orgId: string,
  type: string,
  data: unknown,
  occurredAt: string,
  version?: { id: string; version: number },
): MessageEnvelope {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      orgId,
      correlationId: 'reporting-test',
      causationId: null,
      occurredAt,
      schemaVersion: 1,
      ...(version ? { stream: version } : {}),
    },
  };
}

/** Builds one incident's events in stream order, each stamped with its version. */
export class IncidentHistory {
  readonly facts: Fact[] = [];
  private version = 0;

  constructor(
    readonly orgId: string,
    readonly incidentId: string = randomUUID(),
  ) {}

  private event(type: string, data: Record<string, unknown>, when: string): this {
    const stream = { id: `incident-${this.incidentId}`, version: ++this.version };
    const body = { incidentId: this.incidentId, at: when, by: { kind: 'system', reason: 'test' }, ...data };
    this.facts.push({ source: 'incident', envelope: envelope(this.orgId, type, body, when, stream) });
    return this;
  }

  triggered(when: string, fields: { serviceId: string; severity?: string; integrationId?: string }): this {
    return this.event(
      'IncidentTriggered',
      {
        orgId: this.orgId,
        serviceId: fields.serviceId,
        escalationPolicyId: null,
        title: 'Disk full',
        severity: fields.severity ?? 'critical',
        urgency: 'high',
        priority: null,
        alert: {
          alertId: randomUUID(),
          dedupKey: 'disk',
          summary: 'Disk full',
          severity: fields.severity ?? 'critical',
          receivedAt: when,
          ...(fields.integrationId ? { integrationId: fields.integrationId } : {}),
        },
      },
      when,
    );
  }

  alertAppended(when: string): this {
    return this.event(
      'AlertAppended',
      { alert: { alertId: randomUUID(), dedupKey: 'x', summary: 'x', severity: 'info', receivedAt: when } },
      when,
    );
  }

  alertRepeated(when: string, count: number): this {
    return this.event(
      'AlertRepeated',
      { dedupKey: 'disk', count, lastAlertId: randomUUID(), lastSequence: 1, summary: 'x', severity: 'info' },
      when,
    );
  }

  acknowledged(when: string, userId: string): this {
    return this.event('IncidentAcknowledged', { by: { kind: 'user', userId } }, when);
  }

  unacknowledged(when: string): this {
    return this.event('IncidentUnacknowledged', { reason: 'handed-back' }, when);
  }

  severityChanged(when: string, from: string, to: string): this {
    return this.event('IncidentSeverityChanged', { from, to }, when);
  }

  escalated(when: string, fromLevel: number, toLevel: number): this {
    return this.event('IncidentEscalated', { escalationPolicyId: null, fromLevel, toLevel }, when);
  }

  noteAdded(when: string): this {
    return this.event('NoteAdded', { noteId: randomUUID(), text: 'looking' }, when);
  }

  resolved(when: string, merged = false): this {
    return this.event(
      'IncidentResolved',
      merged ? { reason: 'merged', mergedInto: randomUUID() } : { reason: 'manual', mergedInto: null },
      when,
    );
  }

  paged(when: string, userId: string, level: number, generation = 1): this {
    const page: Partial<NotifyRequested> = {
      pageId: `${this.incidentId}:${generation}:${level}:1:${userId}`,
      kind: 'page',
      incidentId: this.incidentId,
      orgId: this.orgId,
      userId,
      generation,
      level,
      cycle: 1,
      reason: `step ${level}`,
      urgency: 'high',
      requestedAt: when,
    };
    this.facts.push({ source: 'escalation', envelope: envelope(this.orgId, 'NotifyRequested', page, when) });
    return this;
  }

  unanswered(when: string): this {
    const fact = {
      type: 'EscalationUnanswered',
      incidentId: this.incidentId,
      orgId: this.orgId,
      at: when,
      generation: 1,
      cycles: 1,
    };
    this.facts.push({
      source: 'escalation',
      envelope: envelope(this.orgId, 'EscalationUnanswered', fact, when),
    });
    return this;
  }
}

/** A configuration change's data: the manager created, changed (updated, ended) or deleted `view`. */
function changedByManager(resourceType: string, action: string, view: { id: string }) {
  return {
    resourceType,
    resourceId: view.id,
    action,
    actor: { kind: 'user', userId: 'manager', name: 'Manager' },
    before: action === 'created' ? null : view,
    after: action === 'deleted' ? null : view,
  };
}

export function scheduleChange(
  action: 'created' | 'updated' | 'deleted',
  view: ScheduleView,
  occurredAt: string,
): Fact {
  const type = `Schedule${action.charAt(0).toUpperCase()}${action.slice(1)}`;
  const data = changedByManager('schedule', action, view);
  return { source: 'scheduling', envelope: envelope(view.orgId, type, data, occurredAt) };
}

export function overrideChange(
  orgId: string,
  action: 'created' | 'ended' | 'deleted',
  view: OverrideView,
  occurredAt: string,
): Fact {
  const data = changedByManager('schedule-override', action, view);
  return { source: 'scheduling', envelope: envelope(orgId, `ScheduleOverride${action}`, data, occurredAt) };
}

/** A 24/7 schedule whose single layer hands over daily at `handoff` local time between the participants. */
export function dailyRotation(
  orgId: string,
  fields: {
    id?: string;
    version?: number;
    createdAt: string;
    updatedAt?: string;
    timeZone: string;
    participants: string[];
    handoff: string;
  },
): ScheduleView {
  return {
    id: fields.id ?? randomUUID(),
    orgId,
    name: `Rotation ${fields.participants.join(', ')}`,
    description: '',
    timeZone: fields.timeZone,
    teamId: null,
    layers: [
      {
        id: 'layer-1',
        name: 'Primary',
        timeZone: null,
        participants: fields.participants,
        rotation: { kind: 'daily' },
        handoffAnchor: fields.handoff,
        start: fields.createdAt,
        end: null,
        restrictions: [],
      },
    ],
    version: fields.version ?? 1,
    createdAt: fields.createdAt,
    updatedAt: fields.updatedAt ?? fields.createdAt,
  };
}

/** Reproducible random mixes of histories, for rebuild and redelivery tests. */
export function randomHistories(orgId: string, count: number, seed: number, base: string): IncidentHistory[] {
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const histories: IncidentHistory[] = [];
  for (let i = 0; i < count; i++) {
    const opened = at(base, Math.floor(random() * 30 * 86_400));
    const history = new IncidentHistory(orgId).triggered(opened, {
      serviceId: pick(['svc-a', 'svc-b', 'svc-c']),
      severity: pick(['critical', 'high', 'warning', 'info']),
      integrationId: pick(['int-1', 'int-2', undefined]),
    });
    let t = 0;
    const later = () => at(opened, (t += 1 + Math.floor(random() * 1800)));
    history.paged(later(), pick(['u1', 'u2', 'u3']), 1);
    if (random() < 0.3) history.alertAppended(later());
    if (random() < 0.2) history.alertRepeated(later(), 1 + Math.floor(random() * 5));
    if (random() < 0.3) history.paged(later(), pick(['u1', 'u2', 'u3']), 2);
    if (random() < 0.1) history.escalated(later(), 2, 3);
    if (random() < 0.1) history.severityChanged(later(), 'critical', 'warning');
    if (random() < 0.7) history.acknowledged(later(), pick(['u1', 'u2', 'u3']));
    else if (random() < 0.3) history.unanswered(later());
    if (random() < 0.2) history.unacknowledged(later()).acknowledged(later(), pick(['u1', 'u2', 'u3']));
    if (random() < 0.2) history.noteAdded(later());
    if (random() < 0.7) history.resolved(later(), random() < 0.1);
    histories.push(history);
  }
  return histories;
}

/** The next revision of `view`, written at `updatedAt`, its one layer handed to `participants`. */
export function revisedRotation(view: ScheduleView, updatedAt: string, participants: string[]): ScheduleView {
  return { ...view, version: view.version + 1, updatedAt, layers: [{ ...view.layers[0], participants }] };
}

/** An override on `schedule`, made by the manager with no reason unless `fields` say otherwise. */
export function overrideOf(
  schedule: { id: string },
  fields: Pick<OverrideView, 'id' | 'userId' | 'start' | 'end' | 'createdAt'> & Partial<OverrideView>,
): OverrideView {
  return { scheduleId: schedule.id, reason: '', createdBy: 'manager', ...fields };
}

/**
 * A daily rotation's life as scheduling publishes it, in order: created; an override made on it (ended
 * early at `overrideEndedAt` when given); revised at `revision.at` to `revision.participants`; deleted.
 */
export function rotationLife(
  orgId: string,
  fields: {
    rotation: Parameters<typeof dailyRotation>[1];
    override: Parameters<typeof overrideOf>[1];
    overrideEndedAt?: string;
    revision: { at: string; participants: string[] };
    deletedAt: string;
  },
): { schedule: ScheduleView; facts: Fact[] } {
  const v1 = dailyRotation(orgId, fields.rotation);
  const v2 = revisedRotation(v1, fields.revision.at, fields.revision.participants);
  const override = overrideOf(v1, fields.override);
  const endedAt = fields.overrideEndedAt;
  return {
    schedule: v1,
    facts: [
      scheduleChange('created', v1, v1.createdAt),
      overrideChange(orgId, 'created', override, override.createdAt),
      ...(endedAt ? [overrideChange(orgId, 'ended', { ...override, end: endedAt }, endedAt)] : []),
      scheduleChange('updated', v2, v2.updatedAt),
      scheduleChange('deleted', v2, fields.deletedAt),
    ],
  };
}

/** A database of one test file's own, the reporting schema migrated into it; `close` drops it. */
export type ReportingTestDatabase = MigratedTestDatabase;

export function reportingTestDatabase(
  label: string,
  applicationName: string,
): Promise<ReportingTestDatabase> {
  return migratedTestDatabase(label, (url) =>
    openServiceDataSource({
      url,
      schema: REPORTING_SCHEMA,
      migrations: REPORTING_MIGRATIONS,
      applicationName,
      poolSize: 4,
    }),
  );
}
