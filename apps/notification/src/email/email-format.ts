import type { Severity } from '@oncall/incident-domain';
import { formatInTimeZone } from 'date-fns-tz';
import { LRUCache } from 'lru-cache';
import type { Instant } from './email.types';

export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  critical: '#b91c1c',
  high: '#c2410c',
  warning: '#a16207',
  info: '#1d4ed8',
};

/** Keep out-of-office and other auto-replies away from every email the platform sends. */
export const AUTOMATED_EMAIL_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};

// Control characters in alert text could break header lines or the text part's layout.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Bounds on what an alert may put in an email body (the full alert stays on the incident). */
export const TEXT_LIMITS = { title: 300, summary: 1000 } as const;

/** One line of text: control characters and line breaks become spaces, runs of spaces one space. */
export function oneLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/** An alert's or incident's title as an email shows it: one line, bounded. */
export function boundedTitle(text: string): string {
  return bounded(oneLine(text), TEXT_LIMITS.title);
}

/** An alert's summary as an email shows it: one line, bounded. */
export function boundedSummary(text: string): string {
  return bounded(oneLine(text), TEXT_LIMITS.summary);
}

/** Cuts text to at most `max` characters (code points), marking the cut with an ellipsis. */
export function bounded(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

/** An instant as a person reads it in their zone: "Mon 1 Mar 2027, 03:00 (Europe/Paris)". */
export function formatInstant(instant: Instant, timeZone = 'UTC'): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  return `${formatInTimeZone(date, zone, 'EEE d MMM yyyy, HH:mm')} (${zone})`;
}

/** The same without the zone, for the end of a window shown with its start. */
export function formatInstantShort(instant: Instant, timeZone = 'UTC'): string {
  return formatInstant(instant, timeZone).replace(/ \([^)]*\)$/, '');
}

/**
 * A link target only if it is an absolute http(s) URL: a ticket URL comes from the PSA and could be
 * `javascript:`. Others are shown as text, never linked.
 */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

// Building an Intl formatter to test a zone costs more than the rest of an email: remember the answer.
const knownTimeZones = new LRUCache<string, boolean>({ max: 1_000 });

function isKnownTimeZone(timeZone: string): boolean {
  let known = knownTimeZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    knownTimeZones.set(timeZone, known);
  }
  return known;
}
