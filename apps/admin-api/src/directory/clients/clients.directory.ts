import { Injectable } from '@nestjs/common';
import { queryRows } from '@oncall/platform-persistence';
import { RequestContext } from '@oncall/platform-runtime';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChangeRecorder, sameView } from '../shared/change-recorder';
import { conflict } from '../shared/directory-errors';
import { ResourceWrites, namedResourceWrites } from '../shared/directory-transaction';
import { findOrgRow } from '../shared/org-rows';
import { OrgViewsDirectory } from '../shared/org-views';
import { CreateClientDto, UpdateClientDto } from './client.dto';
import { ClientRow, ClientView, toClientView } from './client.view';

/** Clients of the organization: every read and write scoped by the caller's org, every write audited. */
@Injectable()
export class ClientsDirectory extends OrgViewsDirectory<ClientRow, ClientView> {
  private readonly writes: ResourceWrites<ClientView>;

  constructor(dataSource: DataSource, changes: ChangeRecorder) {
    super(dataSource, 'clients', toClientView);
    this.writes = namedResourceWrites(dataSource, changes, 'client');
  }

  create(context: RequestContext, dto: CreateClientDto): Promise<ClientView> {
    return this.writes.write(async (tx) => {
      const [row] = await queryRows<ClientRow>(
        tx,
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
      return this.writes.record(tx, context, row.id, 'created', null, toClientView(row));
    });
  }

  /** A patch that changes nothing updates nothing and records nothing. */
  update(context: RequestContext, id: string, dto: UpdateClientDto): Promise<ClientView> {
    return this.writes.write(async (tx) => {
      const current = await findOrgRow<ClientRow>(tx, 'clients', context.orgId, id, { forUpdate: true });
      const next: ClientRow = {
        ...current,
        name: dto.name ?? current.name,
        rmm_external_id: dto.rmmExternalId !== undefined ? dto.rmmExternalId : current.rmm_external_id,
        psa_external_id: dto.psaExternalId !== undefined ? dto.psaExternalId : current.psa_external_id,
        time_zone: dto.timeZone ?? current.time_zone,
      };
      const before = toClientView(current);
      if (sameView(before, toClientView(next))) return before;
      const [row] = await queryRows<ClientRow>(
        tx,
        `UPDATE clients SET name = $3, rmm_external_id = $4, psa_external_id = $5, time_zone = $6, updated_at = now()
         WHERE org_id = $1 AND id = $2 RETURNING *`,
        [context.orgId, id, next.name, next.rmm_external_id, next.psa_external_id, next.time_zone],
      );
      return this.writes.record(tx, context, id, 'updated', before, toClientView(row));
    });
  }

  remove(context: RequestContext, id: string): Promise<void> {
    return this.writes.write(async (tx) => {
      const current = await findOrgRow<ClientRow>(tx, 'clients', context.orgId, id, { forUpdate: true });
      const [inUse]: { n: number }[] = await tx.query(
        'SELECT count(*)::int AS n FROM services WHERE org_id = $1 AND client_id = $2',
        [context.orgId, id],
      );
      if (inUse.n > 0) {
        throw conflict(
          `Client ${current.name} is used by ${inUse.n} service(s); move them to another client first.`,
          'CLIENT_IN_USE',
        );
      }
      await tx.query('DELETE FROM clients WHERE org_id = $1 AND id = $2', [context.orgId, id]);
      await this.writes.record(tx, context, id, 'deleted', toClientView(current), null);
    });
  }
}
