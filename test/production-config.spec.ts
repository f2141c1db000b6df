import { InvalidConfigurationError, loadConfig } from '@oncall/platform-config';
import { AdminApiConfig } from '../apps/admin-api/src/admin-api.config';
import { DedupGroupingConfig } from '../apps/dedup-grouping/src/dedup-grouping.config';
import { EscalationConfig } from '../apps/escalation/src/escalation.config';
import { IncidentStateConfig } from '../apps/incident-state/src/incident-state.config';
import { IngestionGatewayConfig } from '../apps/ingestion-gateway/src/ingestion-gateway.config';
import { NotificationConfig } from '../apps/notification/src/notification.config';
import { PsaSyncConfig } from '../apps/psa-sync/src/psa-sync.config';
import { ReportingConfig } from '../apps/reporting/src/reporting.config';
import { SchedulingConfig } from '../apps/scheduling/src/scheduling.config';
import { PLATFORM_SERVICES } from '../scripts/platform-services';

const CONFIGS: Record<(typeof PLATFORM_SERVICES)[number]['name'], new () => object> = {
  'admin-api': AdminApiConfig,
  'ingestion-gateway': IngestionGatewayConfig,
  'dedup-grouping': DedupGroupingConfig,
  'incident-state': IncidentStateConfig,
  escalation: EscalationConfig,
  scheduling: SchedulingConfig,
  notification: NotificationConfig,
  'psa-sync': PsaSyncConfig,
  reporting: ReportingConfig,
};

const production = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oncall',
  NATS_URL: 'nats://127.0.0.1:4222',
  NODE_ENV: 'production',
};

/** What a service needs in production besides METRICS_TOKEN (checked in its own config spec). */
const PRODUCTION_NEEDS: Partial<Record<keyof typeof CONFIGS, Record<string, string>>> = {
  notification: {
    SMTP_URL: 'smtps://relay:secret@smtp.msp.example:465',
    ACTION_LINK_SECRET: 'a'.repeat(32),
    PUBLIC_URL: 'https://oncall.msp.example',
  },
};

/** Issue 8, item 10: no service runs in production with /metrics open to whoever reaches its port. */
describe.each(PLATFORM_SERVICES.map((service) => service.name))('%s in production', (name) => {
  const base = { ...production, ...PRODUCTION_NEEDS[name] };

  it('refuses to start without METRICS_TOKEN, naming it', () => {
    const load = () => loadConfig(CONFIGS[name], base);
    expect(load).toThrow(InvalidConfigurationError);
    expect(load).toThrow('METRICS_TOKEN is not set (required when NODE_ENV=production)');
  });

  it('starts with one', () => {
    expect(loadConfig(CONFIGS[name], { ...base, METRICS_TOKEN: 'm'.repeat(32) })).toMatchObject({
      METRICS_TOKEN: 'm'.repeat(32),
    });
  });
});
