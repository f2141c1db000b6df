import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Type } from '@nestjs/common';
import { CursorPageQueryDto } from '@oncall/contracts';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';

/** What a directory resource's store offers its routes: `remove` only where the resource is deleted. */
export interface CrudDirectory<TCreate, TUpdate, TQuery = CursorPageQueryDto> {
  list(context: RequestContext, query: TQuery): Promise<unknown>;
  get(context: RequestContext, id: string): Promise<unknown>;
  create(context: RequestContext, body: TCreate): Promise<unknown>;
  update(context: RequestContext, id: string, body: TUpdate): Promise<unknown>;
  remove(context: RequestContext, id: string): Promise<void>;
}

type OwnRoutes = new (directory: never) => object;

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
  ownRoutes: OwnRoutes = class {},
  { listQuery = CursorPageQueryDto as Type<TQuery>, deletable = true as TDeletable }: DirectoryRouteOptions<TQuery, TDeletable> = {}, // prettier-ignore
) {
  type Directory = TDeletable extends true
    ? CrudDirectory<TCreate, TUpdate, TQuery>
    : Omit<CrudDirectory<TCreate, TUpdate, TQuery>, 'remove'>;

  class DirectoryCrudRoutes extends ((deletable ? removeRoute(ownRoutes) : ownRoutes) as new (
    directory: unknown,
  ) => object) {
    constructor(private readonly directory: Directory) {
      super(directory);
    }

    @Get()
    @Requires('directory:read')
    list(@Caller() caller: RequestContext, @Query() query: TQuery) {
      return this.directory.list(caller, query);
    }

    @Get(':id')
    @Requires('directory:read')
    get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
      return this.directory.get(caller, id);
    }

    @Post()
    @Requires('directory:write')
    create(@Caller() caller: RequestContext, @Body() body: TCreate) {
      return this.directory.create(caller, body);
    }

    @Patch(':id')
    @Requires('directory:write')
    update(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: TUpdate) {
      return this.directory.update(caller, id, body);
    }
  }
  // A generic parameter's type is Object at run time: name the query and body classes, which the
  // ValidationPipe checks them against and OpenAPI documents, as a non-generic signature would.
  Reflect.defineMetadata('design:paramtypes', [Object, listQuery], DirectoryCrudRoutes.prototype, 'list');
  Reflect.defineMetadata('design:paramtypes', [Object, createBody], DirectoryCrudRoutes.prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [Object, String, updateBody], DirectoryCrudRoutes.prototype, 'update'); // prettier-ignore
  return DirectoryCrudRoutes;
}

/** The DELETE route, between the four and the resource's own routes in the document. */
function removeRoute(ownRoutes: OwnRoutes) {
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
