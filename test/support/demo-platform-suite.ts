import { MessageBus } from '@oncall/platform-messaging';
import { DemoOrganization } from '../../apps/admin-api/src/seed/seed-demo';
import { PlatformHarness } from './platform-harness';
import { ServiceName } from './service-catalogue';

/** A platform with the demo organization seeded and a bus connected to it. */
export interface DemoPlatform {
  readonly platform: PlatformHarness;
  readonly demo: DemoOrganization;
  readonly bus: MessageBus;
}

/**
 * Registers the hooks of a suite on a platform running `services` under `label`: the demo organization
 * seeded and a bus connected before the tests, the bus and the platform closed after them. Read the
 * fields inside tests only.
 */
export function demoPlatformSuite(label: string, services: ServiceName[]): DemoPlatform {
  let started: DemoPlatform | undefined;
  beforeAll(async () => {
    const platform = await PlatformHarness.create(label);
    await platform.start(...services);
    started = { platform, demo: await platform.seedDemo(), bus: await platform.connectBus() };
  }, 60_000);
  afterAll(async () => {
    await started?.bus.close();
    await started?.platform.close();
  });
  const get = (): DemoPlatform => {
    if (!started) throw new Error(`${label}: the platform is read inside a test, after the suite started it`);
    return started;
  };
  return {
    get platform() {
      return get().platform;
    },
    get demo() {
      return get().demo;
    },
    get bus() {
      return get().bus;
    },
  };
}
