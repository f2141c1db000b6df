import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern } from '@nestjs/microservices';
import { Commands, ExecuteIncidentCommand, IncidentCommandResult } from '@oncall/contracts';
import { MessageContextHost, OrgRequest, RpcError } from '@oncall/platform-messaging';
import { IncidentCommandExecutor } from './incident-command-executor';

/** All incident commands arrive on oncall.cmd.incident.<command>; the subject must name the body's command. */
@Controller()
export class ExecuteIncidentCommandHandler {
  constructor(private readonly executor: IncidentCommandExecutor) {}

  @MessagePattern(Commands.incident.all)
  handle(
    @OrgRequest() { context, data }: OrgRequest<ExecuteIncidentCommand>,
    @Ctx() message: MessageContextHost,
  ): Promise<IncidentCommandResult> {
    const type = data.command?.type;
    if (!type || message.getSubject() !== Commands.incident.execute(type)) {
      throw new RpcError(
        'VALIDATION_FAILED',
        `The command in the body does not match the subject ${message.getSubject()}.`,
      );
    }
    return this.executor.execute(data, context);
  }
}
