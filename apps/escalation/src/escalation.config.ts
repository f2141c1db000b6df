import { ServiceConfig } from '@oncall/platform-config';

export class EscalationConfig extends ServiceConfig {}
