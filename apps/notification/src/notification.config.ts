import { ServiceConfig } from '@oncall/platform-config';

export class NotificationConfig extends ServiceConfig {}
