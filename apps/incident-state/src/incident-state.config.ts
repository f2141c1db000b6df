import { ServiceConfig } from '@oncall/platform-config';

export class IncidentStateConfig extends ServiceConfig {}
