import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { AuditLogQueryDto } from './audit-log.dto';
import { AuditLogReader } from './audit-log.reader';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogReader) {}

  @Get()
  @Requires('audit:read')
  list(@Caller() caller: RequestContext, @Query() query: AuditLogQueryDto) {
    return this.auditLog.page(caller, query);
  }
}
