import { Injectable, MessageEvent, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MessageEnvelope, Subjects } from '@oncall/contracts';
import { decodeJson, MessageBus } from '@oncall/platform-messaging';
import { Subscription } from 'nats';
import { filter, interval, map, merge, Observable, Subject, takeUntil } from 'rxjs';

export interface IncidentChange {
  incidentId: string;
  type: string;
  version: number | null;
  at: string | null;
}

const KEEP_ALIVE_MS = 25_000;

/**
 * Incident changes as they are published, for live views. A plain (non-durable) subscription: a browser
 * that misses a change while disconnected reloads the list when it reconnects, so nothing needs replaying.
 */
@Injectable()
export class IncidentLiveFeed implements OnModuleInit, OnModuleDestroy {
  private readonly changes = new Subject<{ orgId: string; change: IncidentChange }>();
  /** Ends every open stream, so that shutting down does not wait on browsers. */
  private readonly closing = new Subject<void>();
  private subscription?: Subscription;

  constructor(private readonly bus: MessageBus) {}

  onModuleInit(): void {
    this.subscription = this.bus.nc.subscribe(this.bus.namespace.subject(Subjects.incidentEvents), {
      callback: (error, message) => {
        if (error) return;
        try {
          const envelope = decodeJson<MessageEnvelope<string, { incidentId: string; at?: string }>>(
            message.data,
          );
          this.changes.next({
            orgId: envelope.metadata.orgId,
            change: {
              incidentId: envelope.data.incidentId,
              type: envelope.type,
              version: envelope.metadata.stream?.version ?? null,
              at: envelope.data.at ?? null,
            },
          });
        } catch {
          // An unreadable message is the durable consumers' problem, not the live view's.
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    this.closing.next();
    this.closing.complete();
    this.changes.complete();
  }

  /** Server-sent events for one organization, with a keep-alive comment so proxies keep the stream open. */
  forOrganization(orgId: string): Observable<MessageEvent> {
    const changes = this.changes.pipe(
      filter((item) => item.orgId === orgId),
      map((item): MessageEvent => ({
        type: 'incident',
        data: item.change,
        id: `${item.change.incidentId}:${item.change.version}`,
      })),
    );
    const keepAlive = interval(KEEP_ALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' })));
    return merge(changes, keepAlive).pipe(takeUntil(this.closing));
  }
}
