import type { AlertImage, AlertLink } from '../mapped-alert';
import type { FieldReader } from '../reading/field-reader';
import { isWebUrl } from '../reading/text-rules';

// Link fields of an Alertmanager / Grafana alert and the text they are shown with.
const LINK_FIELDS = [
  ['generatorURL', 'Source'],
  ['dashboardURL', 'Dashboard'],
  ['panelURL', 'Panel'],
  ['silenceURL', 'Silence'],
] as const;

/**
 * Links are decoration: one that is not an http(s) URL (Alertmanager sends "" when a rule has none) is
 * left out rather than refusing the alert, which its sender would never send again.
 */
export function webhookLinks(alert: FieldReader): AlertLink[] {
  return LINK_FIELDS.flatMap(([field, text]) => {
    const href = alert.raw(field);
    return isWebUrl(href) ? [{ href, text }] : [];
  });
}

/** Grafana's panel screenshot, when it is served over https. */
export function webhookImages(alert: FieldReader): AlertImage[] {
  const src = alert.raw('imageURL');
  return isWebUrl(src, true) ? [{ src, alt: 'Panel image' }] : [];
}
