import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { NotificationConfig } from './notification.config';
import { NotificationModule } from './notification.module';

export function notificationService(config: NotificationConfig): ServiceDefinition {
  return {
    serviceName: 'notification',
    config,
    schema: 'notification',
    migrations: [],
    streams: [Streams.incidents],
    module: NotificationModule,
  };
}
