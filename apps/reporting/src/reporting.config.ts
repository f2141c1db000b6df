import { ServiceConfig } from '@oncall/platform-config';

export class ReportingConfig extends ServiceConfig {}
