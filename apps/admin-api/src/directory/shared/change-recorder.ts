import { Inject, Injectable } from '@nestjs/common';
import {
  ChangeActor,
  DIRECTORY_EVENT_SCHEMA_VERSION,
  directoryEventSubject,
  DirectoryAction,
  DirectoryChanged,
  DirectoryResourceType,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { enqueueOutboxMessages, outboxMessageFor } from '@oncall/platform-outbox';
import { RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { insertAuditEntry } from '../audit/audit-log.writer';
import { DirectoryStatePublisher } from '../state/directory-state.publisher';

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
  constructor(
    private readonly state: DirectoryStatePublisher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records the change only if it changes something: a write whose before and after views are equal
   * (`updatedAt` aside) records no audit row and no event (ADR 0040). Answers whether it recorded.
   */
  async recordIfChanged<TView extends object>(
    tx: EntityManager,
    context: RequestContext,
    change: Change<TView>,
  ): Promise<boolean> {
    if (change.before !== null && change.after !== null && sameView(change.before, change.after))
      return false;
    await this.record(tx, context, change);
    return true;
  }

  async record<TView extends object>(
    tx: EntityManager,
    context: RequestContext,
    change: Change<TView>,
  ): Promise<void> {
    const actor = changeActorOf(context);
    const at = this.clock.now().toISOString();
    await insertAuditEntry(tx, {
      ...change,
      actor,
      orgId: context.orgId,
      at,
      correlationId: context.correlationId,
    });
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
    await this.state.publish(tx, change.resourceType, context.orgId, change.resourceId);
  }
}

/**
 * Whether two views of a resource show the same thing, ignoring `updatedAt` (and the order of object keys,
 * which jsonb does not keep). Writes compare the view they would produce with the current one before
 * updating anything, so a no-op write neither updates the row nor records a change.
 */
export function sameView<TView extends object>(before: TView, after: TView): boolean {
  const { updatedAt: _before, ...restBefore } = before as TView & { updatedAt?: unknown };
  const { updatedAt: _after, ...restAfter } = after as TView & { updatedAt?: unknown };
  return isDeepStrictEqual(restBefore, restAfter);
}

function changeActorOf(context: RequestContext): ChangeActor {
  return context.principal
    ? { kind: 'user', userId: context.principal.userId, name: context.principal.name }
    : { kind: 'system', reason: context.systemReason ?? 'platform' };
}

const pascal = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
