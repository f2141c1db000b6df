import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateClientDto, UpdateClientDto } from './client.dto';
import { ClientsDirectory } from './clients.directory';
import { ApiController } from '../../shared/api-controller.decorator';

@ApiController('clients', 'api/v1/clients')
export class ClientsController extends directoryCrudRoutes(CreateClientDto, UpdateClientDto) {
  constructor(clients: ClientsDirectory) {
    super(clients);
  }
}
