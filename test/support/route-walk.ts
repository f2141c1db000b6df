import { PlatformHarness } from './platform-harness';
import { routeCatalogue, RouteInfo } from './route-catalogue';
import { ServiceName } from './service-catalogue';

/** admin-api and the services it asks over the bus: an allowed route gets a real answer, not a 503. */
export const ADMIN_API_AND_BACKENDS: ServiceName[] = [
  'admin-api',
  'incident-state',
  'dedup-grouping',
  'scheduling',
  'escalation',
  'notification',
  'psa-sync',
  'reporting',
];

/** The platform with admin-api and its backends running, and every route of the running admin-api. */
export async function startRouteWalk(
  label: string,
  services = ADMIN_API_AND_BACKENDS,
): Promise<{ platform: PlatformHarness; routes: RouteInfo[] }> {
  const platform = await PlatformHarness.create(label);
  await platform.start(...services);
  return { platform, routes: routeCatalogue(platform.service('admin-api').app) };
}
