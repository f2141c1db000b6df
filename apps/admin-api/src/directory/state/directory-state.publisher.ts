import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DIRECTORY_RESOURCE_TYPES, DIRECTORY_STATE_CONTEXT, DirectoryResourceType } from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { enqueueStateChanges } from '@oncall/platform-outbox';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { loadStateView, loadStateViewsPage } from './directory-state.views';

const REPUBLISH_PAGE = 500;

export interface DirectoryResourceRef {
  resourceType: DirectoryResourceType;
  orgId: string;
  resourceId: string;
}

/** Publishes the current view (or tombstone) of each resource, in the caller's transaction. */
export async function publishDirectoryState(
  tx: EntityManager,
  resources: readonly DirectoryResourceRef[],
  now: Date,
): Promise<void> {
  const changes = [];
  for (const { resourceType, orgId, resourceId } of resources) {
    const loaded = await loadStateView(tx, resourceType, orgId, resourceId);
    changes.push({
      context: DIRECTORY_STATE_CONTEXT,
      resourceType,
      orgId,
      resourceId,
      view: loaded?.view ?? null,
    });
  }
  await enqueueStateChanges(tx, changes, now.toISOString());
}

/**
 * Keeps ONCALL_STATE in step with the directory (ADR 0120): every recorded change republishes the changed
 * resource's machine view (or its tombstone) in the change's transaction, and every start republishes all
 * of them, so local copies heal if the stream was lost and pick up resources written before it existed.
 */
@Injectable()
export class DirectoryStatePublisher implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  publish(tx: EntityManager, resourceType: DirectoryResourceType, orgId: string, resourceId: string) {
    return publishDirectoryState(tx, [{ resourceType, orgId, resourceId }], this.clock.now());
  }

  async onApplicationBootstrap(): Promise<void> {
    let total = 0;
    for (const resourceType of DIRECTORY_RESOURCE_TYPES) total += await this.republishAll(resourceType);
    if (total > 0) this.logger.info({ resources: total }, 'Republished the directory to the state stream');
  }

  private async republishAll(resourceType: DirectoryResourceType): Promise<number> {
    let afterId = '';
    let total = 0;
    for (;;) {
      const page = await this.dataSource.transaction(async (tx) => {
        const rows = await loadStateViewsPage(tx, resourceType, afterId, REPUBLISH_PAGE);
        await enqueueStateChanges(
          tx,
          rows.map((row) => ({ context: DIRECTORY_STATE_CONTEXT, resourceType, ...row })),
          this.clock.now().toISOString(),
        );
        return rows;
      });
      total += page.length;
      if (page.length < REPUBLISH_PAGE) return total;
      afterId = page[page.length - 1].resourceId;
    }
  }
}
