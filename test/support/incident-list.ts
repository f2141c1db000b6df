import { IncidentPage, IncidentSummary } from '@oncall/contracts';
import { PlatformHarness } from './platform-harness';

/** The incidents titled `title` among the newest `limit` that admin-api lists to `token`. */
export async function listedTitled(
  platform: PlatformHarness,
  token: string,
  title: string,
  limit: number,
): Promise<IncidentSummary[]> {
  const response = await platform.api(`/api/v1/incidents?limit=${limit}`, token);
  const page = (await response.json()) as IncidentPage;
  return page.items.filter((incident) => incident.title === title);
}
