import { IsArray, IsObject } from 'class-validator';
import { RequiredText } from '../../shared/dto-fields';

/** PUT /api/v1/routing-rules: the whole ordered list (ADR 0175); each rule is checked by the dedup domain. */
export class ReplaceRoutingRulesDto {
  /** `[{ ruleId, serviceId, when: { integrationIds?, clientIds?, devices?, labels?, severities? } }]` */
  @IsArray()
  rules!: unknown[];
}

/** POST /api/v1/maintenance-windows. */
export class CreateMaintenanceWindowDto {
  @RequiredText(200)
  name!: string;

  /**
   * `{ scope: {serviceId} | {clientId}, kind: 'one-off', startsAt, endsAt }` or `{ scope, kind: 'weekly',
   * timeZone, days: [1-7], start: 'HH:mm', end: 'HH:mm', from?, until? }`. `windowId` is given by the API.
   */
  @IsObject()
  window!: Record<string, unknown>;
}
