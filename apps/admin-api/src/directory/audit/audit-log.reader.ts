import { cursorCodec, CursorPage } from '@oncall/contracts';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';

import { readCursor } from '@oncall/platform-messaging';
import { AuditLogQueryDto } from './audit-log.dto';
import { AuditEntryView, AuditRow, toAuditEntryView } from './audit-entry.view';

/** The organization's audit log, newest first, keyset-paginated on id (rows are only ever appended). */
@Injectable()
export class AuditLogReader {
  constructor(private readonly dataSource: DataSource) {}

  async page(context: RequestContext, query: AuditLogQueryDto): Promise<CursorPage<AuditEntryView>> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [context.orgId];
    const where = ['org_id = $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.resourceType) add('resource_type = ?', query.resourceType);
    if (query.resourceId) add('resource_id = ?', query.resourceId);
    if (query.cursor) add('id < ?::bigint', readCursor(auditCursor, query.cursor)[0]);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit).map(toAuditEntryView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? auditCursor.encode([last.id]) : null };
  }
}

/** Audit ids are PostgreSQL bigints: a larger number is refused, never a database error. */
const auditCursor = cursorCodec('audit', ['bigint'] as const);
