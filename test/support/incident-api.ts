import {
  CursorPage,
  IncidentAlertView,
  IncidentCommandResult,
  IncidentDetail,
  IncidentNote,
  IncidentPage,
  IncidentSummary,
  TimelineEntry,
} from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './platform-harness';

/** Incident actions and reads through the public API, as the SPA would do them. */
export class IncidentApi {
  constructor(
    private readonly platform: PlatformHarness,
    private readonly integrationKey: string,
  ) {}

  async trigger(
    summary: string,
    extra: Record<string, unknown> = {},
    token: string,
  ): Promise<IncidentSummary> {
    if (this.platform.isRunning('ingestion-gateway'))
      await this.platform.untilGatewayKnows(this.integrationKey);
    const response = await this.platform.postAlert(this.integrationKey, {
      summary,
      severity: 'high',
      source: 'rmm',
      ...extra,
    });
    if (response.status !== 202)
      throw new Error(`alert refused: ${response.status} ${await response.text()}`);
    return waitFor(`incident "${summary}"`, async () =>
      (await this.list(token, '?status=triggered')).items.find((i) => i.title === summary),
    );
  }

  async list(token: string, query = ''): Promise<IncidentPage> {
    return (await (await this.platform.api(`/api/v1/incidents${query}`, token)).json()) as IncidentPage;
  }

  async detail(token: string, incidentId: string): Promise<IncidentDetail> {
    return (await (
      await this.platform.api(`/api/v1/incidents/${incidentId}`, token)
    ).json()) as IncidentDetail;
  }

  /** The whole timeline, oldest first, read page by page as a client would. */
  timeline(token: string, incidentId: string, limit = 200): Promise<TimelineEntry[]> {
    return this.walk<TimelineEntry>(token, incidentId, 'timeline', limit);
  }

  notes(token: string, incidentId: string, limit = 200): Promise<IncidentNote[]> {
    return this.walk<IncidentNote>(token, incidentId, 'notes', limit);
  }

  alerts(token: string, incidentId: string, limit = 200): Promise<IncidentAlertView[]> {
    return this.walk<IncidentAlertView>(token, incidentId, 'alerts', limit);
  }

  /** Every page of one of an incident's lists (served newest first), returned oldest first. */
  private async walk<T>(token: string, incidentId: string, list: string, limit: number): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
      const response = await this.platform.api(`/api/v1/incidents/${incidentId}/${list}?${query}`, token);
      if (response.status !== 200) throw new Error(`${list}: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as CursorPage<T>;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items.reverse();
  }

  /** POSTs an action and returns status and body. */
  async act(
    token: string,
    incidentId: string,
    action: string,
    body: object = {},
  ): Promise<{ status: number; body: IncidentCommandResult & { code?: string; detail?: string } }> {
    const response = await this.platform.api(`/api/v1/incidents/${incidentId}/${action}`, token, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as IncidentCommandResult & { code?: string; detail?: string },
    };
  }
}
