import { AdminApiConfig } from '../../apps/admin-api/src/admin-api.config';
import { DedupGroupingConfig } from '../../apps/dedup-grouping/src/dedup-grouping.config';
import { EscalationConfig } from '../../apps/escalation/src/escalation.config';
import { IncidentStateConfig } from '../../apps/incident-state/src/incident-state.config';
import { IngestionGatewayConfig } from '../../apps/ingestion-gateway/src/ingestion-gateway.config';
import { NotificationConfig } from '../../apps/notification/src/notification.config';
import { PsaSyncConfig } from '../../apps/psa-sync/src/psa-sync.config';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { SchedulingConfig } from '../../apps/scheduling/src/scheduling.config';
import { PLATFORM_SERVICES } from '../../scripts/platform-services';

/** A service as the deployment names it (scripts/platform-services). */
export type PlatformServiceName = (typeof PLATFORM_SERVICES)[number]['name'];

/** Each deployed service's config class: what it reads from its environment, and what it requires. */
export const CONFIG_SCHEMAS = {
  'admin-api': AdminApiConfig,
  'ingestion-gateway': IngestionGatewayConfig,
  'dedup-grouping': DedupGroupingConfig,
  'incident-state': IncidentStateConfig,
  escalation: EscalationConfig,
  scheduling: SchedulingConfig,
  notification: NotificationConfig,
  'psa-sync': PsaSyncConfig,
  reporting: ReportingConfig,
} satisfies Record<PlatformServiceName, new () => object>;
