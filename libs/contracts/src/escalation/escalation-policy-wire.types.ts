/**
 * A policy as the API and escalation's messages carry it (ADR 0185): the wire's own copies of
 * escalation-domain's definition types. The limits and allowed values stay the domain's; the API's DTOs read
 * them from there.
 */
export type EscalationTarget =
  { type: 'user'; id: string } | { type: 'schedule'; id: string } | { type: 'team'; id: string };

export type EscalationStepStrategy = 'all' | 'round-robin';

export interface EscalationStepDefinition {
  delayMinutes: number;
  targets: EscalationTarget[];
  strategy?: EscalationStepStrategy;
}

export interface EscalationPolicyDefinition {
  name: string;
  description?: string;
  repeatCount: number;
  steps: EscalationStepDefinition[];
}
