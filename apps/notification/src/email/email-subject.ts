import type { Severity } from '@oncall/incident-domain';
import { bounded, oneLine } from './email-format';

/** Long enough for the summary, short enough that phones show the service and client in full. */
export const SUBJECT_MAX_LENGTH = 150;

/** "[CRITICAL] Servers · Contoso · Disk full on srv-01": one line, bounded; empty parts are left out. */
export function incidentSubject(
  severity: Severity,
  parts: readonly (string | undefined)[],
  prefix: string | null = null,
): string {
  const tags = [prefix, severity.toUpperCase()]
    .filter((tag): tag is string => tag !== null)
    .map((t) => `[${t}]`);
  const body = parts.map((part) => oneLine(part ?? '')).filter((part) => part.length > 0);
  return bounded(`${tags.join(' ')} ${body.join(' · ')}`.trim(), SUBJECT_MAX_LENGTH);
}

/** A subject from free text (digests, coverage gaps): one line, bounded. */
export function plainSubject(text: string): string {
  return bounded(oneLine(text), SUBJECT_MAX_LENGTH);
}
