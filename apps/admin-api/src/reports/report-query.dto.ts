import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsApiInstant, IsCommaListOf, SEVERITIES, Severity } from '@oncall/contracts';
import { IsIn, IsOptional, IsTimeZone, IsUUID } from 'class-validator';
import { OptionalText } from '../shared/dto-fields';

/** `?from=&to=&format=`: the window (default: the 30 days before now) and the answer's format. */
export class ReportWindowQueryDto {
  @ApiPropertyOptional({ description: 'Start of the window (inclusive); default: `to` minus 30 days.' })
  @IsOptional()
  @IsApiInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'End of the window (exclusive); default: now.' })
  @IsOptional()
  @IsApiInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Or send `Accept: text/csv`.' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** Filters of the incident reports; client and team are turned into their services. */
export class IncidentReportQueryDto extends ReportWindowQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents of any service of this client.' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Incidents of any service this team owns.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: `Comma-separated: ${SEVERITIES.join(', ')}.` })
  @IsOptional()
  @IsCommaListOf(SEVERITIES)
  severity?: Severity[];

  @ApiPropertyOptional({ description: 'Source integration id; `none` for incidents without one.' })
  @OptionalText(128)
  source?: string;
}

export class IncidentTrendQueryDto extends IncidentReportQueryDto {
  @ApiPropertyOptional({ enum: ['day', 'week'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week'])
  bucket?: 'day' | 'week';

  @ApiPropertyOptional({ description: 'IANA zone the days and weeks are counted in; default UTC.' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class BurdenQueryDto extends ReportWindowQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this team’s members; default: every active person.',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
