import type { ClientView } from '@oncall/contracts';

export type { ClientView };

export interface ClientRow {
  id: string;
  org_id: string;
  name: string;
  rmm_external_id: string | null;
  psa_external_id: string | null;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
}

export function toClientView(row: ClientRow): ClientView {
  return {
    id: row.id,
    name: row.name,
    rmmExternalId: row.rmm_external_id,
    psaExternalId: row.psa_external_id,
    timeZone: row.time_zone,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
