import { CursorPage, CursorPageQueryDto } from '@oncall/contracts';
import { RequestContext } from '@oncall/platform-runtime';
import { DataSource } from 'typeorm';
import { findOrgRow } from './org-rows';
import { Keyed, pageOfOrgRows, RowFilter } from './pagination';

/**
 * A directory store whose list and get answer its table's rows in the caller's organization as the views
 * the API answers. A subclass keeps its own constructor (what Nest injects) and passes the table along.
 */
export abstract class OrgViewsDirectory<Row extends Keyed, View> {
  protected constructor(
    private readonly dataSource: DataSource,
    private readonly table: string,
    private readonly toView: (row: Row) => View,
  ) {}

  /** One page, oldest first (see `pageOfOrgRows`). */
  list(context: RequestContext, query: CursorPageQueryDto): Promise<CursorPage<View>> {
    return this.page(context, query);
  }

  /** The row `id`; 404 when the organization has none (see `findOrgRow`). */
  async get(context: RequestContext, id: string): Promise<View> {
    return this.toView(await findOrgRow<Row>(this.dataSource.manager, this.table, context.orgId, id));
  }

  /** One page of the rows `filter` keeps. */
  protected async page(
    context: RequestContext,
    query: CursorPageQueryDto,
    filter?: RowFilter,
  ): Promise<CursorPage<View>> {
    const page = await pageOfOrgRows<Row>(this.dataSource.manager, this.table, context.orgId, query, filter);
    return { ...page, items: page.items.map((row) => this.toView(row)) };
  }
}
