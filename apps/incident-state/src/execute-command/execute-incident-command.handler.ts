import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Commands, ExecuteIncidentCommand, IncidentCommandResult, RpcRequest } from '@oncall/contracts';
import { MessageContextHost, organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from './incident-command-executor';

/** All incident commands arrive on oncall.cmd.incident.<command>; the subject must name the body's command. */
@Controller()
export class ExecuteIncidentCommandHandler {
  constructor(private readonly executor: IncidentCommandExecutor) {}

  @MessagePattern(Commands.incident.all)
  handle(
    @Payload() request: RpcRequest<ExecuteIncidentCommand>,
    @Ctx() message: MessageContextHost,
  ): Promise<IncidentCommandResult> {
    const context = organizationContextOf(request);
    const type = request.data.command?.type;
    if (!type || message.getSubject() !== Commands.incident.execute(type)) {
      throw new RpcError(
        'VALIDATION_FAILED',
        `The command in the body does not match the subject ${message.getSubject()}.`,
      );
    }
    return this.executor.execute(request.data, context);
  }
}
