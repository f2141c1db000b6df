import type { IncidentAlertView } from '../api/types';

export interface MitreTechnique {
  techniqueId: string;
  technique?: string;
  tacticId?: string;
  tactic?: string;
}

/** Defend's detection as the detail shows it (DefendFacts in libs/contracts, read defensively). */
export interface DefendSummary {
  device: { name: string; os?: string; ip?: string };
  threat?: string;
  mitre: MitreTechnique[];
  recommendedAction?: string;
  consoleUrl?: string;
}

const TECHNIQUE_ID = /^T(\d{4})(?:\.(\d{3}))?$/;

/** The newest Defend detection among the alerts read so far (newest first), if any. */
export function defendSummaryOf(alerts: readonly IncidentAlertView[]): DefendSummary | null {
  for (const alert of alerts) {
    const found = readDefend(alert.context?.defend);
    if (found) return found;
  }
  return null;
}

/** "T1059.001 PowerShell (TA0002 Execution)". */
export function techniqueLabel({ techniqueId, technique, tacticId, tactic }: MitreTechnique): string {
  const tacticText = [tacticId, tactic].filter(Boolean).join(' ');
  return [techniqueId, technique, tacticText ? `(${tacticText})` : ''].filter(Boolean).join(' ');
}

/** The technique's page on attack.mitre.org, when the id has MITRE's shape. */
export function techniqueUrl(techniqueId: string): string | undefined {
  const match = TECHNIQUE_ID.exec(techniqueId.trim());
  if (!match) return undefined;
  const [, technique, sub] = match;
  return `https://attack.mitre.org/techniques/T${technique}/${sub ? `${sub}/` : ''}`;
}

function readDefend(value: unknown): DefendSummary | null {
  if (!isRecord(value) || !isRecord(value.device) || !isText(value.device.name)) return null;
  const { device } = value;
  const mitre = Array.isArray(value.mitre)
    ? value.mitre.filter((entry): entry is MitreTechnique => isRecord(entry) && isText(entry.techniqueId))
    : [];
  return {
    device: {
      name: device.name as string,
      ...(isText(device.os) ? { os: device.os } : {}),
      ...(isText(device.ip) ? { ip: device.ip } : {}),
    },
    ...(isRecord(value.threat) && isText(value.threat.name) ? { threat: value.threat.name } : {}),
    mitre,
    ...(isText(value.recommendedAction) ? { recommendedAction: value.recommendedAction } : {}),
    ...(isText(value.consoleUrl) && /^https?:\/\//.test(value.consoleUrl)
      ? { consoleUrl: value.consoleUrl }
      : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
