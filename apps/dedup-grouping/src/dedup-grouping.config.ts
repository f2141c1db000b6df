import { ServiceConfig } from '@oncall/platform-config';

export class DedupGroupingConfig extends ServiceConfig {}
