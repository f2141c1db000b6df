import { IntegrationType } from '@oncall/contracts';
import { joinPublicUrl } from '../shared/public-url';

/**
 * Where a source posts its alerts: the ingestion gateway's public URL (PUBLIC_ALERTS_URL), never admin-api's
 * and never the caller's Host header (ADR 0085). Defend authenticates with its service key and names the
 * organization, so its URL has no key; every other type carries the integration key.
 */
export function alertUrlFor(publicAlertsUrl: string | undefined, type: IntegrationType, key: string): string {
  const path = type === 'defend' ? '/v1/alerts/defend' : `/v1/alerts/${type}/${key}`;
  return joinPublicUrl(publicAlertsUrl, path);
}

/** Stands for the key in the alert URL of a listed integration, whose key is not known any more. */
export const ALERT_URL_KEY_PLACEHOLDER = 'YOUR-INTEGRATION-KEY';
