import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  PSA_CONNECTION_ID,
  PSA_CONNECTION_RESOURCE,
  PSA_STATE_CONTEXT,
  PsaConnectionState,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { enqueueStateChanges } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PsaConnection } from '../adapters/psa-adapter.port';

/**
 * Says, at every start, whether a PSA is configured: to admin-api and the SPA through ONCALL_STATE
 * (GET /api/v1/psa/status), and to this service as `enabledAt`, the moment the feature was (last) switched
 * on. Incident events older than that open no ticket: a first deployment, or one that turns the PSA on,
 * would otherwise replay 30 days of acknowledgements into tickets.
 */
@Injectable()
export class PsaConnectionRegistry implements OnModuleInit {
  private enabled?: Date | null;
  private starting?: Promise<void>;

  constructor(
    private readonly connection: PsaConnection,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): Promise<void> {
    return this.ready();
  }

  /** Resolves once the connection is registered (at init, before the service takes messages: ADR 0234). */
  ready(): Promise<void> {
    this.starting ??= this.register();
    return this.starting;
  }

  private async register(): Promise<void> {
    const { adapter } = this.connection;
    const state: PsaConnectionState = {
      configured: adapter !== null,
      provider: adapter?.provider ?? null,
      capabilities: adapter?.capabilities ?? null,
    };
    const now = this.clock.now();
    this.enabled = await this.dataSource.transaction(async (tx) => {
      const [row] = await queryRows<{ enabled_at: Date | null }>(
        tx,
        `INSERT INTO connection (id, configured, provider, enabled_at) VALUES ('platform', $1, $2, CASE WHEN $1 THEN $3::timestamptz END)
         ON CONFLICT (id) DO UPDATE SET configured = EXCLUDED.configured, provider = EXCLUDED.provider,
           enabled_at = CASE WHEN NOT EXCLUDED.configured THEN NULL
             WHEN connection.configured THEN connection.enabled_at ELSE EXCLUDED.enabled_at END
         RETURNING enabled_at`,
        [state.configured, state.provider, now.toISOString()],
      );
      const change = { context: PSA_STATE_CONTEXT, resourceType: PSA_CONNECTION_RESOURCE, orgId: '', resourceId: PSA_CONNECTION_ID, view: state }; // prettier-ignore
      await enqueueStateChanges(tx, [change], now.toISOString());
      return row.enabled_at;
    });
    if (!state.configured) this.logger.info('PSA_API_URL is not set: PSA sync is off (no tickets are made)');
    else this.logger.info({ provider: state.provider, enabledAt: this.enabled }, 'PSA sync is on');
  }

  /** Whether an incident event that happened at `occurredAt` may open a ticket. */
  opensTickets(occurredAt: string | undefined): boolean {
    if (!this.connection.configured || !this.enabled) return false;
    return occurredAt === undefined || Date.parse(occurredAt) >= this.enabled.getTime();
  }
}
