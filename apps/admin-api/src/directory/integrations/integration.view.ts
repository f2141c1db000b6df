import { IntegrationType } from '@oncall/contracts';

export interface IntegrationRow {
  id: string;
  org_id: string;
  service_id: string;
  type: IntegrationType;
  name: string;
  key_hash: string;
  key_hint: string;
  created_at: Date;
  updated_at: Date;
  revoked_at: Date | null;
}

/** An integration as the API, the audit log and directory events show it: never its key nor the key's hash. */
export interface IntegrationView {
  id: string;
  serviceId: string;
  type: IntegrationType;
  name: string;
  /** Last 4 characters of the key, to tell keys apart. */
  keyHint: string;
  active: boolean;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The only answers that carry the key: creation and rotation. */
export interface IssuedIntegrationKey {
  integration: IntegrationView;
  key: string;
  /** Where the source posts its alerts; contains the key. */
  alertUrl: string;
}

export function toIntegrationView(row: IntegrationRow): IntegrationView {
  return {
    id: row.id,
    serviceId: row.service_id,
    type: row.type,
    name: row.name,
    keyHint: row.key_hint,
    active: row.revoked_at === null,
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
