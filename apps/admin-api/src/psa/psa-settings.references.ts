import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireOrgReference } from '../directory/shared/org-references';

/** The directory ids PSA settings name: each board's service must be one of the organization's. */
@Injectable()
export class PsaSettingsReferences {
  constructor(private readonly dataSource: DataSource) {}

  async requireBoardServices(orgId: string, serviceBoards: readonly { serviceId: string }[]): Promise<void> {
    const db = this.dataSource.manager;
    for (const [index, entry] of serviceBoards.entries())
      await requireOrgReference(db, 'services', orgId, entry.serviceId, `serviceBoards.${index}.serviceId`);
  }
}
