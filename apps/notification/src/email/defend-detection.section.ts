import { factsRow, headingRow } from './email-html';
import { oneLine } from './email-format';
import type { DefendDetection, MitreTechnique } from './email.types';

const TECHNIQUE_ID = /^T(\d{4})(?:\.(\d{3}))?$/;

/** "T1059.001 PowerShell (TA0002 Execution)". */
export function techniqueLabel({ techniqueId, technique, tacticId, tactic }: MitreTechnique): string {
  const tacticText = [tacticId, tactic].filter(Boolean).join(' ');
  return oneLine(`${techniqueId} ${technique}${tacticText ? ` (${tacticText})` : ''}`);
}

/** The technique's page on attack.mitre.org, when the id has MITRE's shape. */
export function techniqueUrl(techniqueId: string): string | undefined {
  const match = TECHNIQUE_ID.exec(techniqueId.trim());
  if (!match) return undefined;
  const [, technique, subTechnique] = match;
  return `https://attack.mitre.org/techniques/T${technique}/${subTechnique ? `${subTechnique}/` : ''}`;
}

export function defendDetectionHtml(defend: DefendDetection): string[] {
  const facts = [
    { label: 'Device', value: defend.device },
    ...defend.mitre.map((entry) => ({
      label: 'MITRE ATT&CK',
      value: techniqueLabel(entry),
      href: techniqueUrl(entry.techniqueId),
    })),
    { label: 'Recommended action', value: defend.recommendedAction },
  ];
  return [headingRow('Defend detection'), factsRow(facts)];
}

export function defendDetectionText(defend: DefendDetection): string[] {
  return [
    'Defend detection',
    `  Device: ${oneLine(defend.device)}`,
    ...defend.mitre.map((entry) => `  MITRE ATT&CK: ${techniqueLabel(entry)}`),
    `  Recommended action: ${oneLine(defend.recommendedAction)}`,
  ];
}
