import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsApiInstant } from '../api/api-instant';
import { SEVERITIES, Severity } from '../alerts/canonical-alert';
import { INCIDENT_STATUSES, IncidentStatusName } from './incident-messages';

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

/** Query string of GET /api/v1/incidents. */
export class ListIncidentsQueryDto {
  @IsOptional()
  @Transform(commaList)
  @IsIn(INCIDENT_STATUSES, {
    each: true,
    message: `status must be a comma-separated list of: ${INCIDENT_STATUSES.join(', ')}`,
  })
  status?: IncidentStatusName[];

  @IsOptional()
  @Transform(commaList)
  @IsIn(SEVERITIES, {
    each: true,
    message: `severity must be a comma-separated list of: ${SEVERITIES.join(', ')}`,
  })
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
  @MaxLength(512)
  cursor?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsIn(['newest', 'oldest'])
  sort?: 'newest' | 'oldest';
}
