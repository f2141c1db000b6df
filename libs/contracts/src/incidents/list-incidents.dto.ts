import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsApiInstant } from '../api/api-instant';
import { IsCommaListOf } from '../api/comma-list';
import { SEVERITIES, Severity } from '../alerts/canonical-alert';
import { PAGE_MAX_LIMIT } from '../paging/cursor-page';
import { CURSOR_MAX_LENGTH } from '../paging/page-cursor';
import { INCIDENT_STATUSES, IncidentStatusName } from './incident-messages';

/** Query string of GET /api/v1/incidents. */
export class ListIncidentsQueryDto {
  @IsOptional()
  @IsCommaListOf(INCIDENT_STATUSES)
  status?: IncidentStatusName[];

  @IsOptional()
  @IsCommaListOf(SEVERITIES)
  severity?: Severity[];

  @IsOptional()
  @IsUUID()
  serviceId?: string;

  /** Incidents of any service of this client (the MSP's customer). */
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  assigneeId?: string;

  @IsOptional()
  @IsApiInstant()
  from?: string;

  @IsOptional()
  @IsApiInstant()
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX_LIMIT)
  limit?: number;

  @IsOptional()
  @IsIn(['newest', 'oldest'])
  sort?: 'newest' | 'oldest';
}
