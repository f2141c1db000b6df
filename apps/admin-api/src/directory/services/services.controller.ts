import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateServiceDto, UpdateServiceDto } from './service.dto';
import { ServicesDirectory } from './services.directory';
import { ApiController } from '../../shared/api-controller.decorator';

@ApiController('services', 'api/v1/services')
export class ServicesController extends directoryCrudRoutes(CreateServiceDto, UpdateServiceDto) {
  constructor(services: ServicesDirectory) {
    super(services);
  }
}
