import { DefendFacts, PagedIncident } from '@oncall/contracts';
import { flattenAlertDetails } from '../email/alert-details';
import type { AlertEmailFacts, DefendDetection, IncidentEmailFacts } from '../email/email.types';

/** The incident as a page shows it, from the facts the escalation engine copied into NotifyRequested. */
export function incidentFacts(
  incidentId: string,
  incident: PagedIncident,
  urgency: 'high' | 'low',
  url: string,
): IncidentEmailFacts {
  return {
    id: incidentId,
    title: incident.title,
    severity: incident.severity,
    urgency,
    // A page goes out only while the incident is triggered (acknowledged or resolved stop the rules).
    status: 'triggered',
    serviceName: incident.serviceName ?? 'Unknown service',
    ...(incident.clientName ? { clientName: incident.clientName } : {}),
    triggeredAt: incident.triggeredAt,
    url,
  };
}

export function alertFacts(incident: PagedIncident): AlertEmailFacts {
  const { alert } = incident;
  const defend = alert.defend ? defendDetection(alert.defend) : undefined;
  return {
    summary: alert.summary,
    source: alert.source ?? 'unknown source',
    details: flattenAlertDetails(alert.details),
    ...(alert.device ? { device: alert.device } : {}),
    ...(defend ? { defend } : {}),
  };
}

/** Defend's detection as the email shows it: the device, each MITRE technique, what to do. */
export function defendDetection(defend: DefendFacts): DefendDetection {
  return {
    device: defend.device.name,
    mitre: defend.mitre.map((technique) => ({
      techniqueId: technique.techniqueId,
      technique: technique.technique ?? '',
      ...(technique.tacticId ? { tacticId: technique.tacticId } : {}),
      tactic: technique.tactic ?? '',
    })),
    recommendedAction:
      defend.recommendedAction ?? 'No action recommended by Defend; review the detection in its console.',
  };
}
