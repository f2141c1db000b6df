import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  Queries,
  ReplacePsaSettingsCommand,
  RpcErrorCodes,
  PsaSettingsView,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { checkPsaSettings } from '@oncall/psa-domain';
import { PsaSettingsStore } from './psa-settings.store';

/** The organization's ticket mapping, read and replaced for admin-api (which checks its service ids). */
@Controller()
export class PsaSettingsHandlers {
  constructor(
    private readonly store: PsaSettingsStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Queries.psa.settings)
  get(@OrgRequest() { orgId }: OrgRequest<unknown>): Promise<PsaSettingsView> {
    return this.store.view(orgId);
  }

  @MessagePattern(Commands.psa.replaceSettings)
  replace(@OrgRequest() { context, data }: OrgRequest<ReplacePsaSettingsCommand>): Promise<PsaSettingsView> {
    const actor = data?.actor;
    if (typeof actor?.userId !== 'string' || typeof actor.name !== 'string')
      throw new RpcError(RpcErrorCodes.validationFailed, 'A settings change needs the person making it.');
    const check = checkPsaSettings(data.settings);
    if (!check.ok) {
      const errors = check.problems.map(({ path, message }) => ({
        field: path,
        message: `${path} ${message}`,
      }));
      throw new RpcError(RpcErrorCodes.validationFailed, errors.map((error) => error.message).join('; '), { errors }); // prettier-ignore
    }
    return this.store.replace({
      orgId: context.orgId,
      actor: { userId: actor.userId, name: actor.name },
      correlationId: context.correlationId,
      settings: check.settings,
      now: this.clock.now(),
    });
  }
}
