import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNonBlankText, IsOffsetInstant } from './alert-field-checks';
import { ALERT_ACTIONS, AlertAction, SEVERITIES } from './canonical-alert';

/** Severities a generic sender may use: ours, plus PagerDuty's `error` (mapped to high). */
export const GENERIC_SEVERITIES = [...SEVERITIES, 'error'] as const;
export type GenericSeverity = (typeof GENERIC_SEVERITIES)[number];

/**
 * The summary becomes the incident title and the alert summary: the domain's limit (TITLE_MAX_LENGTH),
 * counted its way; test/gateway-accepts-what-incident-accepts.spec.ts keeps the two equal.
 */
export const ALERT_SUMMARY_MAX_LENGTH = 1024;
/** PagerDuty's limit for dedup_key; within the domain's (TITLE_MAX_LENGTH), so never refused later. */
export const ALERT_DEDUP_KEY_MAX_LENGTH = 255;
export const ALERT_SOURCE_MAX_LENGTH = 255;

/** Body of POST /v1/alerts/generic/{integrationKey}. */
export class GenericAlertDto {
  @IsNonBlankText(ALERT_SUMMARY_MAX_LENGTH)
  summary!: string;

  @IsIn(GENERIC_SEVERITIES, { message: `severity must be one of: ${GENERIC_SEVERITIES.join(', ')}` })
  severity!: GenericSeverity;

  @IsNonBlankText(ALERT_SOURCE_MAX_LENGTH)
  source!: string;

  @IsOptional()
  @IsNonBlankText(ALERT_DEDUP_KEY_MAX_LENGTH)
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

  /** When the source saw it: an instant with an explicit offset; absent = when the gateway received it. */
  @IsOptional()
  @IsOffsetInstant()
  occurredAt?: string;
}
