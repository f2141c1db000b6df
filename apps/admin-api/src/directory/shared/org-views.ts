import { CursorPage, CursorPageQueryDto } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { findOrgRow } from './org-rows';
import { Keyed, pageOfOrgRows, RowFilter } from './pagination';

/** A directory table's rows in the caller's organization, read as the views the API answers. */
export class OrgViews<Row extends Keyed, View> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly table: string,
    private readonly toView: (row: Row) => View,
  ) {}

  /** One page, oldest first (see `pageOfOrgRows`). */
  async page(orgId: string, query: CursorPageQueryDto, filter?: RowFilter): Promise<CursorPage<View>> {
    const page = await pageOfOrgRows<Row>(this.dataSource.manager, this.table, orgId, query, filter);
    return { ...page, items: page.items.map((row) => this.toView(row)) };
  }

  /** The row `id`; 404 when the organization has none (see `findOrgRow`). */
  async find(orgId: string, id: string): Promise<View> {
    return this.toView(await findOrgRow<Row>(this.dataSource.manager, this.table, orgId, id));
  }
}
