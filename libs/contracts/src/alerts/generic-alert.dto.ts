import { IsIn, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ALERT_ACTIONS, AlertAction, SEVERITIES } from './canonical-alert';

/** Severities a generic sender may use: ours, plus PagerDuty's `error` (mapped to high). */
export const GENERIC_SEVERITIES = [...SEVERITIES, 'error'] as const;
export type GenericSeverity = (typeof GENERIC_SEVERITIES)[number];

/** Body of POST /v1/alerts/generic/{integrationKey}. */
export class GenericAlertDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  summary!: string;

  @IsIn(GENERIC_SEVERITIES, { message: `severity must be one of: ${GENERIC_SEVERITIES.join(', ')}` })
  severity!: GenericSeverity;

  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  source!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  dedupKey?: string;

  @IsOptional()
  @IsIn(ALERT_ACTIONS, { message: `action must be one of: ${ALERT_ACTIONS.join(', ')}` })
  action?: AlertAction;

  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  component?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  client?: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  device?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  occurredAt?: string;
}
