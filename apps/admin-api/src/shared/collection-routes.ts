import { Body, Get, Param, ParseUUIDPipe, Post, Query, Type } from '@nestjs/common';
import { Permission } from '@oncall/platform-auth';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';

/** What a resource collection's store offers the list, get and create routes. */
export interface Collection<TCreate, TQuery> {
  list(context: RequestContext, query: TQuery): Promise<unknown>;
  get(context: RequestContext, id: string): Promise<unknown>;
  create(context: RequestContext, body: TCreate): Promise<unknown>;
}

/** A class of routes built with the same store, declared after list, get and create. */
export type LaterRoutes = new (store: never) => object;

export interface CollectionPermissions {
  /** Needed to list the collection and get one of it. */
  read: Permission;
  /** Needed to create one. */
  write: Permission;
}

/**
 * The list (`GET`), get (`GET :id`) and create (`POST`) routes of a resource collection, for a controller
 * to extend. `laterRoutes`, a class built with the same store, adds the resource's other routes: they come
 * after the three in the OpenAPI document (Nest reads a class's handlers before its base class's), where a
 * controller declaring them after the three would have them.
 */
export function collectionRoutes<TCreate extends object, TQuery extends object>(
  permissions: CollectionPermissions,
  createBody: Type<TCreate>,
  listQuery: Type<TQuery>,
  laterRoutes: LaterRoutes,
) {
  class CollectionRoutes extends (laterRoutes as new (store: unknown) => object) {
    constructor(private readonly collection: Collection<TCreate, TQuery>) {
      super(collection);
    }

    @Get()
    @Requires(permissions.read)
    list(@Caller() caller: RequestContext, @Query() query: TQuery) {
      return this.collection.list(caller, query);
    }

    @Get(':id')
    @Requires(permissions.read)
    get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
      return this.collection.get(caller, id);
    }

    @Post()
    @Requires(permissions.write)
    create(@Caller() caller: RequestContext, @Body() body: TCreate) {
      return this.collection.create(caller, body);
    }
  }
  // A generic parameter's type is Object at run time: name the query and body classes, which the
  // ValidationPipe checks them against and OpenAPI documents, as a non-generic signature would.
  Reflect.defineMetadata('design:paramtypes', [Object, listQuery], CollectionRoutes.prototype, 'list');
  Reflect.defineMetadata('design:paramtypes', [Object, createBody], CollectionRoutes.prototype, 'create');
  return CollectionRoutes;
}
