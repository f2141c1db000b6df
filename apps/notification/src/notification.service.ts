import { Streams } from '@oncall/contracts';
import { OUTBOX_MIGRATIONS } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { CreateTimers1796200000000 } from '@oncall/platform-timers';
import { CreateNotification1797100000000 } from './migrations/1797100000000-create-notification';
import { NotificationConfig } from './notification.config';
import { NotificationModule } from './notification.module';

export const NOTIFICATION_SCHEMA = 'notification';
export const NOTIFICATION_MIGRATIONS = [
  ...OUTBOX_MIGRATIONS,
  CreateTimers1796200000000,
  CreateNotification1797100000000,
];

export function notificationService(config: NotificationConfig): ServiceDefinition {
  return {
    serviceName: 'notification',
    config,
    schema: NOTIFICATION_SCHEMA,
    migrations: NOTIFICATION_MIGRATIONS,
    streams: [Streams.incidents, Streams.escalation, Streams.scheduling, Streams.notification, Streams.state],
    module: NotificationModule.forConfig(config),
  };
}
