import { loadConfig } from '@oncall/platform-config';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { AdminApiConfig } from '../../apps/admin-api/src/admin-api.config';
import { adminApiService } from '../../apps/admin-api/src/admin-api.service';
import { DedupGroupingConfig } from '../../apps/dedup-grouping/src/dedup-grouping.config';
import { dedupGroupingService } from '../../apps/dedup-grouping/src/dedup-grouping.service';
import { EscalationConfig } from '../../apps/escalation/src/escalation.config';
import { escalationService } from '../../apps/escalation/src/escalation.service';
import { IncidentStateConfig } from '../../apps/incident-state/src/incident-state.config';
import { incidentStateService } from '../../apps/incident-state/src/incident-state.service';
import { IngestionGatewayConfig } from '../../apps/ingestion-gateway/src/ingestion-gateway.config';
import { ingestionGatewayService } from '../../apps/ingestion-gateway/src/ingestion-gateway.service';
import { NotificationConfig } from '../../apps/notification/src/notification.config';
import { notificationService } from '../../apps/notification/src/notification.service';
import { PsaSyncConfig } from '../../apps/psa-sync/src/psa-sync.config';
import { psaSyncService } from '../../apps/psa-sync/src/psa-sync.service';
import { ReportingConfig } from '../../apps/reporting/src/reporting.config';
import { reportingService } from '../../apps/reporting/src/reporting.service';
import { SchedulingConfig } from '../../apps/scheduling/src/scheduling.config';
import { schedulingService } from '../../apps/scheduling/src/scheduling.service';

/** How to build each service in-process from an environment, exactly as its main.ts does. */
export const SERVICE_CATALOGUE = {
  'admin-api': (env: NodeJS.ProcessEnv) => adminApiService(loadConfig(AdminApiConfig, env)),
  'ingestion-gateway': (env: NodeJS.ProcessEnv) =>
    ingestionGatewayService(loadConfig(IngestionGatewayConfig, env)),
  'dedup-grouping': (env: NodeJS.ProcessEnv) => dedupGroupingService(loadConfig(DedupGroupingConfig, env)),
  'incident-state': (env: NodeJS.ProcessEnv) => incidentStateService(loadConfig(IncidentStateConfig, env)),
  escalation: (env: NodeJS.ProcessEnv) => escalationService(loadConfig(EscalationConfig, env)),
  scheduling: (env: NodeJS.ProcessEnv) => schedulingService(loadConfig(SchedulingConfig, env)),
  notification: (env: NodeJS.ProcessEnv) => notificationService(loadConfig(NotificationConfig, env)),
  'psa-sync': (env: NodeJS.ProcessEnv) => psaSyncService(loadConfig(PsaSyncConfig, env)),
  reporting: (env: NodeJS.ProcessEnv) => reportingService(loadConfig(ReportingConfig, env)),
} satisfies Record<string, (env: NodeJS.ProcessEnv) => ServiceDefinition>;

export type ServiceName = keyof typeof SERVICE_CATALOGUE;
export const ALL_SERVICES = Object.keys(SERVICE_CATALOGUE) as ServiceName[];
