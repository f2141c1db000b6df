import { IncidentCommandResult, IncidentDetail, IncidentPage, IncidentSummary } from '@oncall/contracts';
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
