/**
 * The correlation settings the directory publishes (ADR 0185): the wire's own copies of dedup-domain's rules,
 * so a change in the correlator's types is a compile error where it reads them, never a silent format change.
 */
export type GroupingRule =
  | { by: 'label'; label: string; windowMinutes: number }
  | { by: 'device'; windowMinutes: number }
  | { by: 'client'; windowMinutes: number }
  | { by: 'source-group-key'; windowMinutes: number };

export interface RoutingRule {
  ruleId: string;
  serviceId: string;
  when: {
    integrationIds?: string[];
    clientIds?: string[];
    devices?: string[];
    labels?: Record<string, string>;
    severities?: ('critical' | 'high' | 'warning' | 'info')[];
  };
}

type MaintenanceScope = { serviceId: string } | { clientId: string };

export type MaintenanceWindow =
  | { windowId: string; scope: MaintenanceScope; kind: 'one-off'; startsAt: string; endsAt: string }
  | {
      windowId: string;
      scope: MaintenanceScope;
      kind: 'weekly';
      timeZone: string;
      days: number[];
      start: string;
      end: string;
      from?: string;
      until?: string;
    };
