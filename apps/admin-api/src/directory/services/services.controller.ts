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

import { CreateServiceDto, UpdateServiceDto } from './service.dto';
import { ServicesDirectory } from './services.directory';

@ApiTags('services')
@ApiBearerAuth()
@Controller('api/v1/services')
export class ServicesController {
  constructor(private readonly services: ServicesDirectory) {}

  @Get()
  @Requires('directory:read')
  list(@Caller() caller: RequestContext, @Query() query: CursorPageQueryDto) {
    return this.services.list(caller, query);
  }

  @Get(':id')
  @Requires('directory:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.get(caller, id);
  }

  @Post()
  @Requires('directory:write')
  create(@Caller() caller: RequestContext, @Body() body: CreateServiceDto) {
    return this.services.create(caller, body);
  }

  @Patch(':id')
  @Requires('directory:write')
  update(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateServiceDto,
  ) {
    return this.services.update(caller, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Requires('directory:write')
  remove(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string) {
    return this.services.remove(caller, id);
  }
}
