import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Commands, ExecuteIncidentCommand, IncidentCommandResult, RpcRequest } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from './incident-command-executor';

/** All incident commands arrive on oncall.cmd.incident.<command>; the body names the command. */
@Controller()
export class ExecuteIncidentCommandHandler {
  constructor(private readonly executor: IncidentCommandExecutor) {}

  @MessagePattern(Commands.incident.all)
  handle(@Payload() request: RpcRequest<ExecuteIncidentCommand>): Promise<IncidentCommandResult> {
    const { context } = request;
    if (!context.orgId) throw new RpcError('FORBIDDEN', 'Incident commands need an organization.');
    return this.executor.execute(request.data, { ...context, orgId: context.orgId });
  }
}
