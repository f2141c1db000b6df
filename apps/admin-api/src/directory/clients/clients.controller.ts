import { CursorPageQueryDto } from '@oncall/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';

import { CreateClientDto, UpdateClientDto } from './client.dto';
import { ClientsDirectory } from './clients.directory';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('api/v1/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsDirectory) {}

  @Get()
  @Requires('directory:read')
  list(@Caller() caller: RequestContext, @Query() query: CursorPageQueryDto) {
    return this.clients.list(caller, query);
  }

  @Get(':id')
  @Requires('directory:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.clients.get(caller, id);
  }

  @Post()
  @Requires('directory:write')
  create(@Caller() caller: RequestContext, @Body() body: CreateClientDto) {
    return this.clients.create(caller, body);
  }

  @Patch(':id')
  @Requires('directory:write')
  update(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateClientDto,
  ) {
    return this.clients.update(caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('directory:write')
  remove(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.clients.remove(caller, id);
  }
}
