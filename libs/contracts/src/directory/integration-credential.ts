import { IntegrationType } from '../alerts/canonical-alert';

/** What the gateway learns about an integration key from the directory. The key itself never travels. */
export interface IntegrationCredential {
  orgId: string;
  integrationId: string;
  serviceId: string;
  type: IntegrationType;
  active: boolean;
}

export interface IntegrationByKeyQuery {
  /** Lowercase hex SHA-256 of the presented key. */
  keyHash: string;
}

/** Defend (and other multi-tenant machines) name the organization; the directory picks its integration. */
export interface IntegrationForOrgQuery {
  orgId: string;
  type: IntegrationType;
}
