import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  PSA_CONNECTION_ID,
  PSA_CONNECTION_RESOURCE,
  PSA_STATE_CONTEXT,
  PsaConnectionState,
} from '@oncall/contracts';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

const NOT_CONFIGURED: PsaConnectionState = { configured: false, provider: null, capabilities: null };

/**
 * Whether a PSA is configured, as psa-sync said at its last start (ONCALL_STATE): answered from memory, so
 * the SPA learns it even while psa-sync is down. Never published (psa-sync never ran): not configured.
 */
@Injectable()
export class PsaStatusReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly connection: StateReplica<PsaConnectionState>;
  private starting?: Promise<void>;

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    this.connection = new StateReplica(bus, { context: PSA_STATE_CONTEXT, resourceType: PSA_CONNECTION_RESOURCE }, logger); // prettier-ignore
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }

  ready(): Promise<void> {
    this.starting ??= this.connection.start();
    return this.starting;
  }

  onModuleDestroy(): Promise<void> {
    return this.connection.stop();
  }

  async status(): Promise<PsaConnectionState> {
    await this.ready();
    return this.connection.get(PSA_CONNECTION_ID) ?? NOT_CONFIGURED;
  }
}
