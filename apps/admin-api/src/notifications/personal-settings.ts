import { Injectable } from '@nestjs/common';
import { Commands, ContactMethodView, NotificationRulesView, Queries, PersonRef } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import { CreateContactMethodDto, UpdateContactMethodDto } from './contact-method.dto';
import { NotificationRulesDto } from './notification-rules.dto';

/**
 * A person's contact methods and notification rules, owned by notification and asked for over the bus,
 * for a person PersonAccess has resolved. Refusals keep notification's code and fields.
 */
@Injectable()
export class PersonalSettings {
  constructor(private readonly bus: MessageBus) {}

  listMethods(caller: RequestContext, person: PersonRef): Promise<{ items: ContactMethodView[] }> {
    return this.ask(caller, Queries.notification.listContactMethods, person);
  }

  createMethod(
    caller: RequestContext,
    person: PersonRef,
    body: CreateContactMethodDto,
  ): Promise<ContactMethodView> {
    return this.ask(caller, Commands.notification.createContactMethod, { ...person, ...body });
  }

  updateMethod(
    caller: RequestContext,
    person: PersonRef,
    contactMethodId: string,
    body: UpdateContactMethodDto,
  ): Promise<ContactMethodView> {
    return this.ask(caller, Commands.notification.updateContactMethod, {
      ...person,
      contactMethodId,
      ...body,
    });
  }

  async deleteMethod(caller: RequestContext, person: PersonRef, contactMethodId: string): Promise<void> {
    await this.ask(caller, Commands.notification.deleteContactMethod, { ...person, contactMethodId });
  }

  async sendVerification(caller: RequestContext, person: PersonRef, contactMethodId: string): Promise<void> {
    await this.ask(caller, Commands.notification.sendVerification, { ...person, contactMethodId });
  }

  rules(caller: RequestContext, person: PersonRef): Promise<NotificationRulesView> {
    return this.ask(caller, Queries.notification.getRules, person);
  }

  replaceRules(
    caller: RequestContext,
    person: PersonRef,
    rules: NotificationRulesDto,
  ): Promise<NotificationRulesView> {
    const plain = { high: rules.high.map(plainStep), low: rules.low.map(plainStep) };
    return this.ask(caller, Commands.notification.replaceRules, { ...person, rules: plain });
  }

  private ask<T>(caller: RequestContext, subject: string, data: unknown): Promise<T> {
    return this.bus.rpc.request<T>(subject, data, rpcContextOf(caller));
  }
}

function plainStep({ contactMethodId, delayMinutes }: { contactMethodId: string; delayMinutes: number }) {
  return { contactMethodId: contactMethodId.toLowerCase(), delayMinutes };
}
