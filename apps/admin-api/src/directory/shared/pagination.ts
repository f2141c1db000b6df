import { BadRequestException } from '@nestjs/common';
import { problem } from '@oncall/platform-runtime';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EntityManager } from 'typeorm';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** `?cursor=&limit=` of every list endpoint. */
export class PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

interface Keyed {
  id: string;
  created_at: Date;
}

/**
 * One page of an organization's rows, oldest first, keyset-paginated on (created_at, id): stable under
 * inserts, and every query is scoped by org_id.
 */
export async function pageOfOrgRows<Row extends Keyed>(
  db: EntityManager,
  table: string,
  orgId: string,
  query: PageQueryDto,
  filter: { sql: string; params: unknown[] } = { sql: '', params: [] },
): Promise<Page<Row>> {
  const limit = query.limit ?? 50;
  const params: unknown[] = [orgId, ...filter.params];
  let where = `org_id = $1${filter.sql ? ` AND ${filter.sql}` : ''}`;
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor);
    params.push(createdAt, id);
    where += ` AND (created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  // The cursor keeps created_at to the microsecond: a JS Date would round it to the millisecond, and the
  // last row of a page would then come again on the next one.
  const rows: (Row & { page_key: string })[] = await db.query(
    `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS page_key
     FROM ${table} WHERE ${where} ORDER BY created_at, id LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const items = page.map(({ page_key: _, ...row }) => row as unknown as Row);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.page_key, last.id) : null };
}

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('shape');
    return [createdAt, id];
  } catch {
    throw new BadRequestException(
      problem(400, 'cursor is not one this API returned; start again without it.', {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'cursor', message: 'unknown cursor' }],
      }),
    );
  }
}
