import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PAGE_MAX_LIMIT } from './cursor-page';
import { CURSOR_MAX_LENGTH } from './page-cursor';

/** `?cursor=&limit=` of a cursor-paged list. A cursor is checked by the service that issued it. */
export class CursorPageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX_LIMIT)
  limit?: number;
}
