import { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PolledWorker } from '@oncall/platform-polling';

/**
 * A {@link PolledWorker} that runs for the life of its service: its loop starts once the application is
 * up and stops (after the pass in hand) as it shuts down.
 */
export abstract class PolledService extends PolledWorker implements OnApplicationBootstrap, OnModuleDestroy {
  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }
}
