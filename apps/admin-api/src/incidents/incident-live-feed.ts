import { Inject, Injectable, MessageEvent, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MessageEnvelope, Subjects } from '@oncall/contracts';
import { Principal } from '@oncall/platform-auth';
import { decodeJson, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Subscription } from 'nats';
import { Logger } from 'pino';
import {
  catchError,
  defer,
  EMPTY,
  exhaustMap,
  filter,
  interval,
  map,
  merge,
  Observable,
  of,
  share,
  Subject,
  takeUntil,
  timer,
} from 'rxjs';
import { DataSource } from 'typeorm';
import { AdminApiConfig } from '../admin-api.config';

export interface IncidentChange {
  incidentId: string;
  type: string;
  version: number | null;
  at: string | null;
}

/** Who watches a stream: the organization whose changes it gets, and whose credential bounds it. */
export type LiveViewer = Pick<Principal, 'orgId' | 'userId' | 'expiresAt'>;

/** setTimeout's longest delay (about 24.8 days); a longer one would fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

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

  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly config: AdminApiConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

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

  /**
   * Server-sent events for the viewer's organization, with a keep-alive comment so proxies keep the stream
   * open. A stream is only as good as the credential that opened it: it ends when the token expires, and
   * when the user is deactivated (checked on every keep-alive). The browser then reconnects, or signs out.
   */
  forViewer(viewer: LiveViewer): Observable<MessageEvent> {
    const changes = this.changes.pipe(
      filter((item) => item.orgId === viewer.orgId),
      map((item): MessageEvent => ({
        type: 'incident',
        data: item.change,
        id: `${item.change.incidentId}:${item.change.version}`,
      })),
    );
    const checks = interval(this.config.LIVE_KEEP_ALIVE_MS).pipe(
      exhaustMap(() => this.isActive(viewer)),
      share(),
    );
    const keepAlive = checks.pipe(
      filter((active) => active),
      map((): MessageEvent => ({ type: 'ping', data: '' })),
    );
    const ended = merge(this.closing, expiryOf(viewer), checks.pipe(filter((active) => !active)));
    return merge(changes, keepAlive).pipe(takeUntil(ended));
  }

  /** A cheap look at the user's row; a failed look ends the stream too (the browser reconnects). */
  private isActive(viewer: LiveViewer): Observable<boolean> {
    return defer(() =>
      this.dataSource.query('SELECT active FROM users WHERE org_id = $1 AND id = $2', [
        viewer.orgId,
        viewer.userId,
      ]),
    ).pipe(
      map((rows: { active: boolean }[]) => rows[0]?.active === true),
      catchError((error: unknown) => {
        this.logger.warn({ err: error }, 'Could not check a live viewer; ending the stream');
        return of(false);
      }),
    );
  }
}

/** Fires when the viewer's credential expires (never, for a viewer without an expiry). */
function expiryOf(viewer: LiveViewer): Observable<unknown> {
  if (viewer.expiresAt === undefined) return EMPTY;
  // eslint-disable-next-line no-restricted-syntax -- credential expiry is wall time (the token's exp)
  const remainingMs = Math.max(0, viewer.expiresAt * 1000 - Date.now());
  return timer(Math.min(remainingMs, LONGEST_TIMER_MS));
}
