import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DIRECTORY_STATE_CONTEXT } from '@oncall/contracts';
import { Logger } from 'pino';
import { MessageBus } from './message-bus';
import { StateReplica, StateReplicaSpec } from './state-replica';

/**
 * A provider holding a service's local copies of state another context publishes (ADR 0120, 0218). The
 * replicas a subclass makes with `copy` or `directoryCopy` (field initializers may call them) start
 * together and once, at module init (or at an earlier `ready()`): Nest finishes every init hook before
 * any bootstrap hook, and the service takes messages only after both (ADR 0234), so workers and handlers
 * find the copies loaded. They stop together at shutdown. Nest calls the inherited hooks.
 */
export abstract class LocalStateCopies implements OnModuleInit, OnModuleDestroy {
  private readonly replicas: { start(): Promise<void>; stop(): Promise<void> }[] = [];
  private starting?: Promise<void>;

  protected constructor(
    private readonly replicaBus: MessageBus,
    private readonly replicaLogger: Logger,
  ) {}

  /** A replica of one resource type, started and stopped with the others. */
  protected copy<TView>(spec: StateReplicaSpec): StateReplica<TView> {
    const replica = new StateReplica<TView>(this.replicaBus, spec, this.replicaLogger);
    this.replicas.push(replica);
    return replica;
  }

  /** A replica of one resource type of the directory admin-api publishes (users, services, clients…). */
  protected directoryCopy<TView>(resourceType: string): StateReplica<TView> {
    return this.copy<TView>({ context: DIRECTORY_STATE_CONTEXT, resourceType });
  }

  onModuleInit(): Promise<void> {
    return this.ready();
  }

  /** Resolves once every copy holds what the state stream held when it started. */
  ready(): Promise<void> {
    this.starting ??= Promise.all(this.replicas.map((replica) => replica.start())).then(() => undefined);
    return this.starting;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.stop()));
  }
}

/** `view` when it belongs to `orgId`: a local copy never answers for another organization's resource. */
export function inOrganization<TView extends { orgId: string }>(
  orgId: string,
  view: TView | undefined,
): TView | undefined {
  return view && view.orgId === orgId ? view : undefined;
}
