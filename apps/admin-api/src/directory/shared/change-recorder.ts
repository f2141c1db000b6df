import { Injectable } from '@nestjs/common';
import {
  ChangeActor,
  DIRECTORY_EVENT_SCHEMA_VERSION,
  directoryEventSubject,
  DirectoryAction,
  DirectoryChanged,
  DirectoryResourceType,
} from '@oncall/contracts';
import { enqueueOutboxMessages, outboxMessageFor } from '@oncall/platform-outbox';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestContext } from './request-context';

export interface Change<TView> {
  resourceType: DirectoryResourceType;
  resourceId: string;
  action: DirectoryAction;
  before: TView | null;
  after: TView | null;
}

/**
 * Records a configuration change in the same transaction as the change itself: an audit log row (who,
 * what, when, before, after) and a directory event in the outbox for services keeping a local copy.
 * Views passed here must never contain secrets.
 */
@Injectable()
export class ChangeRecorder {
  async record<TView extends object>(
    tx: EntityManager,
    context: RequestContext,
    change: Change<TView>,
  ): Promise<void> {
    const actor = actorOf(context);
    const at = new Date().toISOString();
    await tx.query(
      `INSERT INTO audit_log (org_id, at, actor, action, resource_type, resource_id, before, after, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        context.orgId,
        at,
        JSON.stringify(actor),
        `${change.resourceType}.${change.action}`,
        change.resourceType,
        change.resourceId,
        change.before === null ? null : JSON.stringify(change.before),
        change.after === null ? null : JSON.stringify(change.after),
        context.correlationId,
      ],
    );
    const type = `${pascal(change.resourceType)}${pascal(change.action)}`;
    const data: DirectoryChanged<TView> = { ...change, actor };
    const envelope = {
      type,
      data,
      metadata: {
        eventId: randomUUID(),
        orgId: context.orgId,
        correlationId: context.correlationId,
        causationId: null,
        occurredAt: at,
        schemaVersion: DIRECTORY_EVENT_SCHEMA_VERSION,
      },
    };
    await enqueueOutboxMessages(tx, [
      outboxMessageFor(directoryEventSubject(type), envelope, change.resourceId),
    ]);
  }
}

function actorOf(context: RequestContext): ChangeActor {
  return context.principal
    ? { kind: 'user', userId: context.principal.userId, name: context.principal.name }
    : { kind: 'system', reason: context.systemReason ?? 'platform' };
}

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
