import type { ServiceUrgency, SupportHoursUrgencyRule, UrgencyRule } from '@oncall/contracts';
import { DAY_NAMES } from '../format/labels';

export const URGENCIES = ['high', 'low'] as const satisfies readonly ServiceUrgency[];
export type Urgency = ServiceUrgency;

/** A service's urgency rule as the API holds it. */
export type { UrgencyRule };

export interface ServiceSettings {
  urgencyRule: UrgencyRule;
  ackTimeoutSeconds: number | null;
  autoResolveSeconds: number | null;
}

/** The settings form as typed (the support hours' fields kept whatever the kind): minutes and hours as text, blank = never. */
export interface SettingsDraft extends Omit<SupportHoursUrgencyRule, 'kind'> {
  kind: UrgencyRule['kind'];
  urgency: Urgency;
  ackTimeoutMinutes: string;
  autoResolveHours: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function draftOf(settings: ServiceSettings, timeZone: string): SettingsDraft {
  const rule = settings.urgencyRule;
  return {
    kind: rule.kind,
    urgency: rule.kind === 'constant' ? rule.urgency : 'high',
    timeZone: rule.kind === 'support-hours' ? rule.timeZone : timeZone,
    days: rule.kind === 'support-hours' ? rule.days : [1, 2, 3, 4, 5],
    start: rule.kind === 'support-hours' ? rule.start : '08:00',
    end: rule.kind === 'support-hours' ? rule.end : '18:00',
    during: rule.kind === 'support-hours' ? rule.during : 'high',
    outside: rule.kind === 'support-hours' ? rule.outside : 'low',
    ackTimeoutMinutes: settings.ackTimeoutSeconds === null ? '' : String(settings.ackTimeoutSeconds / 60),
    autoResolveHours: settings.autoResolveSeconds === null ? '' : String(settings.autoResolveSeconds / 3600),
  };
}

/**
 * The PATCH body, or problems keyed by the API's field names. Bounds as the API's: acknowledgement
 * timeout 1 minute to 24 hours, auto-resolve 1 minute to 30 days.
 */
export function settingsOf(
  draft: SettingsDraft,
): { body: ServiceSettings } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  let urgencyRule: UrgencyRule;
  if (draft.kind === 'constant') urgencyRule = { kind: 'constant', urgency: draft.urgency };
  else if (draft.kind === 'severity-based') urgencyRule = { kind: 'severity-based' };
  else {
    if (!draft.timeZone.trim()) problems['urgencyRule.timeZone'] = 'Name the time zone of the support hours.';
    if (draft.days.length === 0) problems['urgencyRule.days'] = 'Choose at least one day.';
    if (!HH_MM.test(draft.start)) problems['urgencyRule.start'] = 'A time of day, HH:mm.';
    if (!HH_MM.test(draft.end)) problems['urgencyRule.end'] = 'A time of day, HH:mm.';
    const days = [...draft.days].sort((a, b) => a - b);
    urgencyRule = {
      kind: 'support-hours',
      timeZone: draft.timeZone.trim(),
      days,
      start: draft.start,
      end: draft.end,
      during: draft.during,
      outside: draft.outside,
    };
  }
  const ackTimeoutSeconds = seconds(draft.ackTimeoutMinutes, 60, 24 * 3600);
  if (ackTimeoutSeconds === undefined)
    problems.ackTimeoutSeconds = 'Whole minutes from 1 to 1440, or blank for never.';
  const autoResolveSeconds = seconds(draft.autoResolveHours, 3600, 30 * 24 * 3600, 60);
  if (autoResolveSeconds === undefined)
    problems.autoResolveSeconds = 'Hours from 1 to 720, or blank for never.';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      urgencyRule,
      ackTimeoutSeconds: ackTimeoutSeconds ?? null,
      autoResolveSeconds: autoResolveSeconds ?? null,
    },
  };
}

/** Text in `unit` seconds → seconds; null for blank; undefined when not a whole number of `step` seconds in range. */
function seconds(text: string, unit: number, max: number, step = unit): number | null | undefined {
  if (!text.trim()) return null;
  const value = Number(text) * unit;
  if (!Number.isFinite(value) || value < unit || value > max || value % step !== 0) return undefined;
  return value;
}

/** "High", "By severity", "Mon–Fri 08:00–18:00 Europe/Amsterdam: high, else low". */
export function urgencyRuleText(rule: UrgencyRule): string {
  if (rule.kind === 'constant') return `Always ${rule.urgency} urgency`;
  if (rule.kind === 'severity-based') return 'By severity: critical and high alerts high, others low';
  const days = rule.days.map((day) => DAY_NAMES[day - 1]).join(', ');
  return `${days} ${rule.start}–${rule.end} (${rule.timeZone}): ${rule.during} urgency, otherwise ${rule.outside}`;
}

/** "never", "30 minutes", "4 hours". */
export function durationText(totalSeconds: number | null): string {
  if (totalSeconds === null) return 'never';
  if (totalSeconds % 3600 === 0) return `${totalSeconds / 3600} hour${totalSeconds === 3600 ? '' : 's'}`;
  return `${Math.round(totalSeconds / 60)} minutes`;
}
