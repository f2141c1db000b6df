import { CursorPageQueryDto, DIRECTORY_RESOURCE_TYPES, PSA_SETTINGS_RESOURCE } from '@oncall/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalNonEmptyText } from '../../shared/dto-fields';

/**
 * Directory resources, and those other services report (schedules, overrides, escalation policies, PSA
 * settings).
 */
export const AUDITED_RESOURCE_TYPES = [
  ...DIRECTORY_RESOURCE_TYPES,
  'schedule',
  'schedule-override',
  'escalation-policy',
  PSA_SETTINGS_RESOURCE,
] as const;
export type AuditedResourceType = (typeof AUDITED_RESOURCE_TYPES)[number];

/** `?resourceType=&resourceId=&cursor=&limit=`; newest first. */
export class AuditLogQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @IsIn(AUDITED_RESOURCE_TYPES)
  resourceType?: AuditedResourceType;

  @OptionalNonEmptyText(200)
  resourceId?: string;
}
