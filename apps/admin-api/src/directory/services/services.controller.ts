import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateServiceDto, UpdateServiceDto } from './service.dto';
import { ServicesDirectory } from './services.directory';

@ApiTags('services')
@ApiBearerAuth()
@Controller('api/v1/services')
export class ServicesController extends directoryCrudRoutes(CreateServiceDto, UpdateServiceDto) {
  constructor(services: ServicesDirectory) {
    super(services);
  }
}
