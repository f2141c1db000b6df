import type { Severity } from './mapped-alert';

export interface MappedSeverity {
  severity: Severity;
  /** The word the source sent, kept when it is not our own. */
  sourceSeverity?: string;
}

/**
 * When a compatible source (PagerDuty, Alertmanager, Grafana) names no severity or one we do not know:
 * Alertmanager's PagerDuty receiver sends `error` by default, which is high, and an alert someone wired
 * to page should not be quietly demoted.
 */
export const DEFAULT_SEVERITY: Severity = 'high';

// Words seen in the wild (PagerDuty, Prometheus rule conventions, Opsgenie priorities), lower-cased.
const SEVERITY_WORDS: ReadonlyMap<string, Severity> = new Map(
  Object.entries({
    critical: 'critical',
    crit: 'critical',
    fatal: 'critical',
    emergency: 'critical',
    page: 'critical',
    p1: 'critical',
    high: 'high',
    error: 'high',
    err: 'high',
    major: 'high',
    p2: 'high',
    warning: 'warning',
    warn: 'warning',
    medium: 'warning',
    minor: 'warning',
    p3: 'warning',
    info: 'info',
    informational: 'info',
    information: 'info',
    low: 'info',
    notice: 'info',
    none: 'info',
    p4: 'info',
    p5: 'info',
  } satisfies Record<string, Severity>),
);

/** A compatible source's severity word, mapped; an unknown word gets DEFAULT_SEVERITY and is kept. */
export function severityFromWord(word: string | undefined): MappedSeverity {
  if (word === undefined) return { severity: DEFAULT_SEVERITY };
  const severity = SEVERITY_WORDS.get(word.trim().toLowerCase()) ?? DEFAULT_SEVERITY;
  return word === severity ? { severity } : { severity, sourceSeverity: word };
}

/** The severities of our own MSP tools' payloads (Defend's scale, shared by RMM and Security). */
export const NATIVE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type NativeSeverity = (typeof NATIVE_SEVERITIES)[number];

const FROM_NATIVE: Readonly<Record<NativeSeverity, Severity>> = {
  critical: 'critical',
  high: 'high',
  medium: 'warning',
  low: 'info',
  informational: 'info',
};

export function severityFromNative(native: NativeSeverity): MappedSeverity {
  const severity = FROM_NATIVE[native];
  return native === severity ? { severity } : { severity, sourceSeverity: native };
}

/** Whether `native` is `floor` or more severe. */
export function isAtLeast(native: NativeSeverity, floor: NativeSeverity): boolean {
  return NATIVE_SEVERITIES.indexOf(native) <= NATIVE_SEVERITIES.indexOf(floor);
}
