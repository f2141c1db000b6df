import { EscalationPolicyView, EscalationStepDefinition } from '@oncall/contracts';
import { NormalizedEscalationPolicy } from '@oncall/escalation-domain';

/** What the `definition` column holds: the normalized definition without its name (a column of its own). */
export interface StoredDefinition {
  description: string;
  repeatCount: number;
  steps: EscalationStepDefinition[];
}

export interface PolicyRow {
  id: string;
  org_id: string;
  name: string;
  definition: StoredDefinition;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function storedDefinitionOf(definition: NormalizedEscalationPolicy): StoredDefinition {
  return {
    description: definition.description,
    repeatCount: definition.repeatCount,
    steps: definition.steps,
  };
}

/** jsonb reorders object keys; the view puts them back in the order people read them. */
export function toPolicyView(row: PolicyRow): EscalationPolicyView {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    description: row.definition.description,
    repeatCount: row.definition.repeatCount,
    steps: row.definition.steps.map((step) => ({
      delayMinutes: step.delayMinutes,
      targets: step.targets.map((target) => ({ type: target.type, id: target.id })),
      ...(step.strategy === undefined ? {} : { strategy: step.strategy }),
    })),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** True when the view already says what the definition says: an update to it changes nothing. */
export function sameDefinition(view: EscalationPolicyView, definition: NormalizedEscalationPolicy): boolean {
  const comparable = {
    name: view.name,
    description: view.description,
    repeatCount: view.repeatCount,
    steps: view.steps,
  };
  return JSON.stringify(comparable) === JSON.stringify(definition);
}
