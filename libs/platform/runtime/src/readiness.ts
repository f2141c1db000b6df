import { ModuleRef } from '@nestjs/core';
import { MessageBus } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { RuntimeOptions } from './runtime-options';

const CHECK_TIMEOUT_MS = 2_000;

type Probe = () => Promise<unknown>;

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'up' | 'down'>;
}

/**
 * "Can this service do its job now?", for /readyz: NATS always, PostgreSQL only for a service that has a
 * database, then the service's own checks (ADR 0131). Each probe answers within 2 s or counts as down.
 */
export class ReadinessProbe {
  private constructor(private readonly probes: Record<string, Probe>) {}

  static forService(
    options: RuntimeOptions,
    moduleRef: ModuleRef,
    bus: MessageBus,
    dataSource: DataSource | undefined,
  ): ReadinessProbe {
    const probes: Record<string, Probe> = {};
    if (dataSource) probes.postgres = () => dataSource.query('SELECT 1');
    probes.nats = () => bus.ping();
    for (const [name, check] of Object.entries(options.readiness ?? {})) {
      probes[name] = async () => {
        if (!(await check(moduleRef))) throw new Error(`${name} is not ready`);
      };
    }
    return new ReadinessProbe(probes);
  }

  async check(): Promise<Readiness> {
    const names = Object.keys(this.probes);
    const states = await Promise.all(names.map((name) => upOrDown(this.probes[name])));
    const checks = Object.fromEntries(names.map((name, index) => [name, states[index]]));
    return { ready: states.every((state) => state === 'up'), checks };
  }
}

async function upOrDown(probe: Probe): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
