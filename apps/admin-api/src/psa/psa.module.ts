import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IncidentTicketController } from './incident-ticket.controller';
import { PsaController } from './psa.controller';
import { PsaStatusReader } from './psa-status.reader';

@Module({
  imports: [AuthModule],
  controllers: [PsaController, IncidentTicketController],
  providers: [PsaStatusReader],
})
export class PsaModule {}
