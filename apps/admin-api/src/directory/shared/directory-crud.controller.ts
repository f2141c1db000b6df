import { Body, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Type } from '@nestjs/common';
import { CursorPageQueryDto } from '@oncall/contracts';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { Collection, collectionRoutes, LaterRoutes } from '../../shared/collection-routes';

/** What a directory resource's store offers its routes: `remove` only where the resource is deleted. */
export interface CrudDirectory<TCreate, TUpdate, TQuery = CursorPageQueryDto> extends Collection<
  TCreate,
  TQuery
> {
  update(context: RequestContext, id: string, body: TUpdate): Promise<unknown>;
  remove(context: RequestContext, id: string): Promise<void>;
}

export interface DirectoryRouteOptions<TQuery, TDeletable extends boolean> {
  /** The list route's query class, a `CursorPageQueryDto` with the resource's filters (default: none). */
  listQuery?: Type<TQuery>;
  /** false where the resource is never deleted (users are deactivated instead): no DELETE route. */
  deletable?: TDeletable;
}

/**
 * The routes every directory resource has (list, get, create, update, delete; read with `directory:read`,
 * written with `directory:write`), for a controller to extend, naming its path and tags itself.
 * `ownRoutes`, a class built with the same directory, adds a resource's other routes: they come after the
 * five in the OpenAPI document (Nest reads a class's handlers before its base class's), where a
 * controller declaring them after the five would have them.
 */
export function directoryCrudRoutes<
  TCreate extends object,
  TUpdate extends object,
  TQuery extends object = CursorPageQueryDto,
  TDeletable extends boolean = true,
>(
  createBody: Type<TCreate>,
  updateBody: Type<TUpdate>,
  ownRoutes: LaterRoutes = class {},
  { listQuery = CursorPageQueryDto as Type<TQuery>, deletable = true as TDeletable }: DirectoryRouteOptions<TQuery, TDeletable> = {}, // prettier-ignore
) {
  type Directory = TDeletable extends true
    ? CrudDirectory<TCreate, TUpdate, TQuery>
    : Omit<CrudDirectory<TCreate, TUpdate, TQuery>, 'remove'>;

  const DirectoryCrudRoutes = collectionRoutes(
    { read: 'directory:read', write: 'directory:write' },
    createBody,
    listQuery,
    updateRoute(updateBody, deletable ? removeRoute(ownRoutes) : ownRoutes),
  );
  return DirectoryCrudRoutes as new (directory: Directory) => InstanceType<typeof DirectoryCrudRoutes>;
}

/** The PATCH route, after list, get and create in the document. */
function updateRoute<TUpdate extends object>(updateBody: Type<TUpdate>, laterRoutes: LaterRoutes) {
  class UpdateRoute extends (laterRoutes as new (directory: unknown) => object) {
    constructor(private readonly updatable: Pick<CrudDirectory<never, TUpdate>, 'update'>) {
      super(updatable);
    }

    @Patch(':id')
    @Requires('directory:write')
    update(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: TUpdate) {
      return this.updatable.update(caller, id, body);
    }
  }
  // As in collectionRoutes: name the body class the generic parameter hides.
  Reflect.defineMetadata('design:paramtypes', [Object, String, updateBody], UpdateRoute.prototype, 'update');
  return UpdateRoute;
}

/** The DELETE route, between the four and the resource's own routes in the document. */
function removeRoute(ownRoutes: LaterRoutes) {
  class RemoveRoute extends (ownRoutes as new (directory: unknown) => object) {
    constructor(private readonly removable: Pick<CrudDirectory<never, never>, 'remove'>) {
      super(removable);
    }

    @Delete(':id')
    @HttpCode(204)
    @Requires('directory:write')
    remove(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
      return this.removable.remove(caller, id);
    }
  }
  return RemoveRoute;
}
