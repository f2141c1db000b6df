import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Type } from '@nestjs/common';
import { CursorPageQueryDto } from '@oncall/contracts';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';

/** What a directory resource's store offers its five routes. */
export interface CrudDirectory<TCreate, TUpdate> {
  list(context: RequestContext, query: CursorPageQueryDto): Promise<unknown>;
  get(context: RequestContext, id: string): Promise<unknown>;
  create(context: RequestContext, body: TCreate): Promise<unknown>;
  update(context: RequestContext, id: string, body: TUpdate): Promise<unknown>;
  remove(context: RequestContext, id: string): Promise<void>;
}

/**
 * The routes every directory resource has (list, get, create, update, delete; read with `directory:read`,
 * written with `directory:write`), for a controller to extend, naming its path and tags itself.
 * `ownRoutes`, a class built with the same directory, adds a resource's other routes: they come after the
 * five in the OpenAPI document (Nest reads a class's handlers before its base class's), where a
 * controller declaring them after the five would have them.
 */
export function directoryCrudRoutes<TCreate extends object, TUpdate extends object>(
  createBody: Type<TCreate>,
  updateBody: Type<TUpdate>,
  ownRoutes: new (directory: never) => object = class {},
) {
  class DirectoryCrudRoutes extends (ownRoutes as new (directory: unknown) => object) {
    constructor(private readonly directory: CrudDirectory<TCreate, TUpdate>) {
      super(directory);
    }

    @Get()
    @Requires('directory:read')
    list(@Caller() caller: RequestContext, @Query() query: CursorPageQueryDto) {
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

    @Delete(':id')
    @HttpCode(204)
    @Requires('directory:write')
    remove(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
      return this.directory.remove(caller, id);
    }
  }
  // A generic parameter's type is Object at run time: name the body classes, which the ValidationPipe
  // checks the bodies against and OpenAPI documents, as a non-generic signature would.
  Reflect.defineMetadata('design:paramtypes', [Object, createBody], DirectoryCrudRoutes.prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [Object, String, updateBody], DirectoryCrudRoutes.prototype, 'update'); // prettier-ignore
  return DirectoryCrudRoutes;
}
