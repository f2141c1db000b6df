import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  NotificationRulesView,
  Queries,
  ReplaceNotificationRulesRequest,
  PersonRef,
} from '@oncall/contracts';
import { checkNotificationRules, NotificationRules } from '@oncall/notification-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest } from '@oncall/platform-messaging';
import {
  loadMethodRows,
  loadRules,
  lockRules,
  saveRules,
  toContactMethod,
} from '../contact-methods/contact-method.store';
import { AccountProvisioner } from '../people/account-provisioner';
import { validationRefusal } from '../shared/refusals';

/**
 * A person's rules per urgency: which contact method, how many minutes after the page. Every urgency keeps
 * at least one step (a person on call cannot opt out of being paged, only choose how).
 */
@Controller()
export class NotificationRulesHandler {
  constructor(
    private readonly accounts: AccountProvisioner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Queries.notification.getRules)
  get(@OrgRequest() { orgId, data }: OrgRequest<PersonRef>): Promise<NotificationRulesView> {
    const { userId } = data;
    return this.accounts.withPersonDefaults(orgId, data, async (tx) => {
      const rules = await loadRules(tx, orgId, userId, await loadMethodRows(tx, orgId, userId));
      return viewOf(userId, rules);
    });
  }

  @MessagePattern(Commands.notification.replaceRules)
  replace(
    @OrgRequest() { orgId, data }: OrgRequest<ReplaceNotificationRulesRequest>,
  ): Promise<NotificationRulesView> {
    const { userId, rules } = data;
    return this.accounts.withPersonDefaults(orgId, data, async (tx) => {
      // A concurrent delete of a method they use waits, then sees the new rules.
      await lockRules(tx, orgId, userId);
      const methods = (await loadMethodRows(tx, orgId, userId)).map(toContactMethod);
      const checked = checkNotificationRules(rules, methods);
      if (!checked.ok) throw validationRefusal(checked.problems);
      await saveRules(tx, orgId, userId, checked.rules, this.clock.now());
      return viewOf(userId, checked.rules);
    });
  }
}

function viewOf(userId: string, rules: NotificationRules): NotificationRulesView {
  const steps = (list: NotificationRules['high']) =>
    list.map(({ contactMethodId, delayMinutes }) => ({ contactMethodId, delayMinutes }));
  return { userId, high: steps(rules.high), low: steps(rules.low) };
}
