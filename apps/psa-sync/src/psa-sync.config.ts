import { ServiceConfig } from '@oncall/platform-config';

export class PsaSyncConfig extends ServiceConfig {}
