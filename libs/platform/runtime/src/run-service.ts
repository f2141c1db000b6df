import { BaseServiceConfig, loadConfigOrExit } from '@oncall/platform-config';
import { ServiceDefinition, startService } from './create-service';

/**
 * Entry point of every service's main.ts: validate config (one line and exit 78 if bad), start,
 * and exit non-zero with one line if start-up fails (database or NATS unreachable, migration error).
 * SIGTERM/SIGINT close the app gracefully: stop taking messages, finish those in hand, drain, disconnect.
 */
export async function runService<TConfig extends BaseServiceConfig>(
  configSchema: new () => TConfig,
  define: (config: TConfig) => ServiceDefinition,
): Promise<void> {
  const config = loadConfigOrExit(configSchema);
  try {
    const service = await startService(define(config));
    const shutdown = async (signal: NodeJS.Signals) => {
      service.logger.info({ signal }, 'Shutting down');
      const forceExit = setTimeout(() => {
        service.logger.error('Graceful shutdown took too long; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS);
      forceExit.unref();
      await service.close();
      process.exit(0);
    };
    process.once('SIGTERM', (signal) => void shutdown(signal));
    process.once('SIGINT', (signal) => void shutdown(signal));
  } catch (error) {
    process.stderr.write(`Failed to start: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

const SHUTDOWN_GRACE_MS = 25_000;
