import { withoutAbsentFields } from '../alert-base';
import type { AlertImage, AlertLink } from '../mapped-alert';
import { jsonProblems } from '../reading/json-rules';
import { FieldReader, isPlainObject } from '../reading/field-reader';

/** PagerDuty's limits: summary and description 1024, dedup_key 255; ours for the rest. */
export const PAGERDUTY_LIMITS = {
  summary: 1024,
  dedupKey: 255,
  name: 255,
  linkText: 1024,
  links: 50,
  images: 50,
} as const;

/** Integration keys are 32 characters (ADR 0006), which PagerDuty senders check. */
export const PAGERDUTY_KEY_LENGTH = 32;

/** `routing_key` (v2) or `service_key` (v1): PagerDuty refuses any other length, so do we. */
export function readIntegrationKey(event: FieldReader, key: 'routing_key' | 'service_key'): void {
  const value = event.raw(key);
  if (typeof value !== 'string' || value.length !== PAGERDUTY_KEY_LENGTH)
    event.fail(key, `must be the ${PAGERDUTY_KEY_LENGTH}-character integration key`);
}

/** The integration key a body names, so the gateway can find the integration before mapping. */
export function pagerDutyKeyOf(body: unknown): string | null {
  if (!isPlainObject(body)) return null;
  const key = body['routing_key'] ?? body['service_key'];
  return typeof key === 'string' && key.length === PAGERDUTY_KEY_LENGTH ? key : null;
}

export function readLinks(event: FieldReader): AlertLink[] {
  return event.optionalObjects('links', PAGERDUTY_LIMITS.links).map((link) =>
    withoutAbsentFields({
      href: link.url('href'),
      text: link.optionalText('text', PAGERDUTY_LIMITS.linkText),
    }),
  );
}

/** PagerDuty only shows images served over https. */
export function readImages(event: FieldReader): AlertImage[] {
  return event.optionalObjects('images', PAGERDUTY_LIMITS.images).map((image) =>
    withoutAbsentFields({
      src: image.url('src', true),
      href: image.optionalUrl('href'),
      alt: image.optionalText('alt', PAGERDUTY_LIMITS.linkText),
    }),
  );
}

/**
 * `custom_details` / `details`: PagerDuty documents an object, but senders put strings and numbers there
 * too and PagerDuty shows them; anything that is not an object is kept under `details.value`.
 */
export function readDetails(event: FieldReader, key: string): Record<string, unknown> | undefined {
  if (!event.present(key)) return undefined;
  const value = event.raw(key);
  const problems = jsonProblems(value, event.name(key));
  event.problems.push(...problems);
  return isPlainObject(value) ? value : { value };
}

/** `client` and `client_url` name the monitoring tool that sent the event: shown as a link back to it. */
export function readClientLink(event: FieldReader): AlertLink[] {
  const text = event.optionalText('client', PAGERDUTY_LIMITS.name);
  const href = event.optionalUrl('client_url');
  return href ? [{ href, ...(text ? { text } : {}) }] : [];
}
