import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { directoryCrudRoutes } from '../shared/directory-crud.controller';
import { CreateClientDto, UpdateClientDto } from './client.dto';
import { ClientsDirectory } from './clients.directory';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('api/v1/clients')
export class ClientsController extends directoryCrudRoutes(CreateClientDto, UpdateClientDto) {
  constructor(clients: ClientsDirectory) {
    super(clients);
  }
}
