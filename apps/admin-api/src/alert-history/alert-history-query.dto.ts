import { CursorPageQueryDto } from '@oncall/contracts';
import { IsIn, IsOptional } from 'class-validator';

/** GET /api/v1/alert-history: everything received, or only what was recorded without paging. */
export class AlertHistoryQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @IsIn(['page', 'record'])
  disposition?: 'page' | 'record';
}
