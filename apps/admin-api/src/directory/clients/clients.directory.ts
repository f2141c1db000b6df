import { ConflictException, Injectable } from '@nestjs/common';
import { isUniqueViolation, queryRows } from '@oncall/platform-persistence';
import { problem } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChangeRecorder } from '../shared/change-recorder';
import { findOrgRow } from '../shared/org-rows';
import { Page, pageOfOrgRows, PageQueryDto } from '../shared/pagination';
import { RequestContext } from '../shared/request-context';
import { CreateClientDto, UpdateClientDto } from './client.dto';
import { ClientRow, ClientView, toClientView } from './client.view';

/** Clients of the organization: every read and write scoped by the caller's org, every write audited. */
@Injectable()
export class ClientsDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: ChangeRecorder,
  ) {}

  async list(context: RequestContext, query: PageQueryDto): Promise<Page<ClientView>> {
    const page = await pageOfOrgRows<ClientRow>(this.dataSource.manager, 'clients', context.orgId, query);
    return { ...page, items: page.items.map(toClientView) };
  }

  async get(context: RequestContext, id: string): Promise<ClientView> {
    return toClientView(await findOrgRow<ClientRow>(this.dataSource.manager, 'clients', context.orgId, id));
  }

  create(context: RequestContext, dto: CreateClientDto): Promise<ClientView> {
    return this.write(async (tx) => {
      const [row]: ClientRow[] = await tx.query(
        `INSERT INTO clients (id, org_id, name, rmm_external_id, psa_external_id, time_zone)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [
          randomUUID(),
          context.orgId,
          dto.name,
          dto.rmmExternalId ?? null,
          dto.psaExternalId ?? null,
          dto.timeZone ?? 'UTC',
        ],
      );
      const after = toClientView(row);
      await this.changes.record(tx, context, {
        resourceType: 'client',
        resourceId: row.id,
        action: 'created',
        before: null,
        after,
      });
      return after;
    });
  }

  update(context: RequestContext, id: string, dto: UpdateClientDto): Promise<ClientView> {
    return this.write(async (tx) => {
      const current = await findOrgRow<ClientRow>(tx, 'clients', context.orgId, id, { forUpdate: true });
      const [row] = await queryRows<ClientRow>(
        tx,
        `UPDATE clients SET name = $3, rmm_external_id = $4, psa_external_id = $5, time_zone = $6, updated_at = now()
         WHERE org_id = $1 AND id = $2 RETURNING *`,
        [
          context.orgId,
          id,
          dto.name ?? current.name,
          dto.rmmExternalId !== undefined ? dto.rmmExternalId : current.rmm_external_id,
          dto.psaExternalId !== undefined ? dto.psaExternalId : current.psa_external_id,
          dto.timeZone ?? current.time_zone,
        ],
      );
      const [before, after] = [toClientView(current), toClientView(row)];
      await this.changes.record(tx, context, {
        resourceType: 'client',
        resourceId: id,
        action: 'updated',
        before,
        after,
      });
      return after;
    });
  }

  remove(context: RequestContext, id: string): Promise<void> {
    return this.write(async (tx) => {
      const current = await findOrgRow<ClientRow>(tx, 'clients', context.orgId, id, { forUpdate: true });
      const [inUse] = await tx.query(
        'SELECT count(*)::int AS n FROM services WHERE org_id = $1 AND client_id = $2',
        [context.orgId, id],
      );
      if (inUse.n > 0) {
        throw new ConflictException(
          problem(
            409,
            `Client ${current.name} is used by ${inUse.n} service(s); move them to another client first.`,
            {
              code: 'CLIENT_IN_USE',
            },
          ),
        );
      }
      await tx.query('DELETE FROM clients WHERE org_id = $1 AND id = $2', [context.orgId, id]);
      await this.changes.record(tx, context, {
        resourceType: 'client',
        resourceId: id,
        action: 'deleted',
        before: toClientView(current),
        after: null,
      });
    });
  }

  private async write<T>(work: (tx: DataSource['manager']) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(
          problem(409, 'A client with this name already exists.', { code: 'DUPLICATE_NAME' }),
        );
      }
      throw error;
    }
  }
}
