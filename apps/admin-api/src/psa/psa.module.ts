import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IncidentTicketController } from './incident-ticket.controller';
import { PsaController } from './psa.controller';
import { PsaSettingsReferences } from './psa-settings.references';
import { PsaStatusReader } from './psa-status.reader';

@Module({
  imports: [AuthModule],
  controllers: [PsaController, IncidentTicketController],
  providers: [PsaStatusReader, PsaSettingsReferences],
})
export class PsaModule {}
