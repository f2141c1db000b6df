import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DIRECTORY_STATE_CONTEXT, IntegrationState, IntegrationType } from '@oncall/contracts';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { IntegrationIndex } from './integration-index';

/**
 * The gateway's local copy of every integration, kept from the directory's state records on ONCALL_STATE
 * (ADR 0120, 0131): key checks never leave the process, so admin-api being down or slow changes nothing,
 * and a revocation applies as soon as its record arrives (the outbox relay's delay, ~100 ms).
 */
@Injectable()
export class IntegrationDirectory implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly replica: StateReplica<IntegrationState>;
  private readonly index = new IntegrationIndex();

  constructor(
    bus: MessageBus,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.replica = new StateReplica<IntegrationState>(
      bus,
      { context: DIRECTORY_STATE_CONTEXT, resourceType: 'integration' },
      logger,
    );
    this.replica.onChange((current, previous) => this.index.update(previous?.view, current.view));
  }

  /** Starts loading without holding up the start: until caught up, alerts are answered 503 (retry). */
  onApplicationBootstrap(): void {
    const started = performance.now();
    void this.replica
      .start()
      .then(() =>
        this.logger.info(
          { integrations: this.index.size, ms: Math.round(performance.now() - started) },
          'Integration keys loaded from the state stream',
        ),
      );
  }

  async onModuleDestroy(): Promise<void> {
    await this.replica.stop();
  }

  /** True once the copy holds everything the stream held at start (readiness, and the 503 until then). */
  get isCaughtUp(): boolean {
    return this.replica.isCaughtUp;
  }

  liveByKeyHash(keyHash: string): IntegrationState | undefined {
    return this.index.liveByKeyHash(keyHash);
  }

  oldestLiveFor(orgId: string, type: IntegrationType): IntegrationState | undefined {
    return this.index.oldestLiveFor(orgId, type);
  }
}
