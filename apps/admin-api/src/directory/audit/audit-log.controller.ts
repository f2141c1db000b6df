import { Get, Query } from '@nestjs/common';
import { Caller, RequestContext } from '@oncall/platform-runtime';
import { Requires } from '../../auth/requires.decorator';
import { AuditLogQueryDto } from './audit-log.dto';
import { AuditLogReader } from './audit-log.reader';
import { ApiController } from '../../shared/api-controller.decorator';

@ApiController('audit', 'api/v1/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogReader) {}

  @Get()
  @Requires('audit:read')
  list(@Caller() caller: RequestContext, @Query() query: AuditLogQueryDto) {
    return this.auditLog.page(caller, query);
  }
}
