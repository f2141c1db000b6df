import { IntegrationType } from '../alerts/canonical-alert';

/** What an alert is attributed to: the integration its key (or Defend's organization) resolved to. */
export interface IntegrationCredential {
  orgId: string;
  integrationId: string;
  serviceId: string;
  type: IntegrationType;
  active: boolean;
}
