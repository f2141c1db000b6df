import { ServiceConfig } from '@oncall/platform-config';

export class SchedulingConfig extends ServiceConfig {}
