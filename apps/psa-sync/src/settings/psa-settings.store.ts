import { Injectable } from '@nestjs/common';
import { PSA_SETTINGS_RESOURCE, PsaSettingsView } from '@oncall/contracts';
import { enqueueConfigurationChange, personActor } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { DEFAULT_PSA_SETTINGS, PsaSettings } from '@oncall/psa-domain';
import { DataSource, EntityManager } from 'typeorm';

interface SettingsRow {
  settings: PsaSettings;
  version: number;
  updated_at: Date;
}

export interface SettingsChange {
  orgId: string;
  actor: { userId: string; name: string };
  correlationId: string;
  settings: PsaSettings;
  now: Date;
}

/** Each organization's ticket mapping (ADR 0161); the defaults until a manager saves some. */
@Injectable()
export class PsaSettingsStore {
  constructor(private readonly dataSource: DataSource) {}

  async view(orgId: string, db: Pick<EntityManager, 'query'> = this.dataSource): Promise<PsaSettingsView> {
    const [row] = await queryRows<SettingsRow>(db, 'SELECT * FROM psa_settings WHERE org_id = $1', [orgId]);
    if (!row) return { ...DEFAULT_PSA_SETTINGS, version: 0, updatedAt: null };
    return { ...DEFAULT_PSA_SETTINGS, ...row.settings, version: row.version, updatedAt: row.updated_at.toISOString() }; // prettier-ignore
  }

  async settingsOf(orgId: string): Promise<PsaSettings> {
    const { version: _version, updatedAt: _updatedAt, ...settings } = await this.view(orgId);
    return settings;
  }

  /** Replaces them whole; the change is audited by admin-api (ConfigurationChanged on ONCALL_PSA). */
  replace(change: SettingsChange): Promise<PsaSettingsView> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`psa-settings:${change.orgId}`]);
      const before = await this.view(change.orgId, tx);
      await tx.query(
        `INSERT INTO psa_settings (org_id, settings, version, updated_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (org_id) DO UPDATE SET settings = EXCLUDED.settings, version = psa_settings.version + 1,
           updated_at = EXCLUDED.updated_at`,
        [change.orgId, JSON.stringify(change.settings), change.now.toISOString()],
      );
      const after = await this.view(change.orgId, tx);
      await enqueueConfigurationChange(
        tx,
        'psa',
        { orgId: change.orgId, correlationId: change.correlationId, causationId: null },
        {
          resourceType: PSA_SETTINGS_RESOURCE,
          resourceId: change.orgId,
          action: before.version === 0 ? 'created' : 'updated',
          actor: personActor(change.actor),
          before: before.version === 0 ? null : before,
          after,
        },
        change.now.toISOString(),
      );
      return after;
    });
  }
}
