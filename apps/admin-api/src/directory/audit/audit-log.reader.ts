import { CURSOR_PROBLEM, cursorCodec } from '@oncall/contracts';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { invalidField } from '../shared/directory-errors';
import { Page } from '../shared/pagination';
import { AuditLogQueryDto } from './audit-log.dto';
import { AuditEntryView, AuditRow, toAuditEntryView } from './audit-entry.view';

/** The organization's audit log, newest first, keyset-paginated on id (rows are only ever appended). */
@Injectable()
export class AuditLogReader {
  constructor(private readonly dataSource: DataSource) {}

  async page(context: RequestContext, query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [context.orgId];
    const where = ['org_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.resourceType) add('resource_type = ?', query.resourceType);
    if (query.resourceId) add('resource_id = ?', query.resourceId);
    if (query.cursor) add('id < ?::bigint', decodeCursor(query.cursor));
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit).map(toAuditEntryView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
  }
}

const auditCursor = cursorCodec('audit', ['bigint'] as const);

function encodeCursor(id: string): string {
  return auditCursor.encode([id]);
}

/** Audit ids are PostgreSQL bigints: a larger number would be a database error, not an empty page. */
function decodeCursor(cursor: string): string {
  const values = auditCursor.decode(cursor);
  if (!values) throw invalidField('cursor', CURSOR_PROBLEM);
  return values[0];
}
