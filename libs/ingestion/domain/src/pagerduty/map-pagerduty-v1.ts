import { AlertBase, withoutAbsentFields } from '../alert-base';
import { AlertImage, AlertLink, MappedAlert, PayloadMapper } from '../mapped-alert';
import { FieldReader } from '../reading/field-reader';
import { DEFAULT_SEVERITY } from '../severity';
import { pagerDutyFormat } from './map-pagerduty-event';
import { PAGERDUTY_LIMITS, readClientLink, readDetails } from './pagerduty-fields';

const CONTEXT_TYPES = ['link', 'image'] as const;

/**
 * A legacy PagerDuty v1 event (`POST /generic/2010-04-15/create_event.json`). v1 has no severity: a
 * trigger gets the default one. Without `incident_key` a trigger gets a fresh key (the alert's id).
 */
export const mapPagerDutyV1: PayloadMapper = pagerDutyFormat(
  { key: 'service_key', action: 'event_type', dedupKey: 'incident_key' },
  trigger,
);

function trigger(event: FieldReader, base: AlertBase, dedupKey: string): MappedAlert {
  const contexts = readContexts(event);
  return {
    ...base,
    action: 'trigger',
    dedupKey,
    summary: event.text('description', PAGERDUTY_LIMITS.summary),
    severity: DEFAULT_SEVERITY,
    details: readDetails(event, 'details'),
    links: [...contexts.links, ...readClientLink(event)],
    images: contexts.images,
    occurredAt: base.receivedAt,
  };
}

function readContexts(event: FieldReader): { links: AlertLink[]; images: AlertImage[] } {
  const links: AlertLink[] = [];
  const images: AlertImage[] = [];
  for (const context of event.optionalObjects('contexts', PAGERDUTY_LIMITS.links)) {
    const type = context.raw('type');
    if (type !== 'link' && type !== 'image') {
      context.fail('type', `must be one of: ${CONTEXT_TYPES.join(', ')}`);
    } else if (type === 'link') {
      const href = context.url('href');
      links.push(
        withoutAbsentFields({ href, text: context.optionalText('text', PAGERDUTY_LIMITS.linkText) }),
      );
    } else {
      const src = context.url('src', true);
      const alt = context.optionalText('alt', PAGERDUTY_LIMITS.linkText);
      images.push(withoutAbsentFields({ src, href: context.optionalUrl('href'), alt }));
    }
  }
  return { links, images };
}
