import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Commands,
  ContactMethodRequest,
  ContactMethodView,
  CreateContactMethodRequest,
  Queries,
  RpcRequest,
  PersonRef,
  UpdateContactMethodRequest,
} from '@oncall/contracts';
import { checkContactMethodInput } from '@oncall/notification-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { NotificationConfig } from '../notification.config';
import { AccountProvisioner } from '../people/account-provisioner';
import { validationRefusal } from '../shared/refusals';
import { insertMethod, loadMethodRows, toContactMethodView } from './contact-method.store';
import { ContactVerifications } from './contact-verifications';
import { changeContactMethod, removeContactMethod } from './contact-method.changes';

/** A person has a handful of ways to be reached; a long list is a mistake or an abuse. */
const MAX_METHODS_PER_PERSON = 20;

/**
 * Contact methods over the bus (admin-api checked the person is of the caller's organization and that the
 * caller may manage them). Email methods are verified by a confirmation link sent at once; Slack webhooks
 * count as verified when saved (ADR 0151); SMS, phone and push are stored unverified until their delivery
 * exists.
 */
@Controller()
export class ContactMethodsHandler {
  constructor(
    private readonly accounts: AccountProvisioner,
    private readonly verifications: ContactVerifications,
    private readonly config: NotificationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Queries.notification.listContactMethods)
  async list(@Payload() request: RpcRequest<PersonRef>): Promise<{ items: ContactMethodView[] }> {
    const { orgId } = organizationContextOf(request);
    return this.accounts.withPersonDefaults(orgId, request.data, async (tx) => ({
      items: (await loadMethodRows(tx, orgId, request.data.userId)).map(toContactMethodView),
    }));
  }

  @MessagePattern(Commands.notification.createContactMethod)
  async create(@Payload() request: RpcRequest<CreateContactMethodRequest>): Promise<ContactMethodView> {
    const { orgId } = organizationContextOf(request);
    const { userId, type, address, enabled } = request.data;
    const checked = checkContactMethodInput({ type, address, enabled }, this.addressOptions);
    if (!checked.ok) throw validationRefusal(checked.problems);
    const now = this.clock.now();
    return this.accounts.withPersonDefaults(orgId, request.data, async (tx) => {
      const existing = await loadMethodRows(tx, orgId, userId);
      if (existing.some((row) => row.type === checked.value.type && row.address === checked.value.address)) {
        throw new RpcError(
          'CONFLICT',
          `This person already has the ${checked.value.type} ${checked.value.address}.`,
        );
      }
      if (existing.length >= MAX_METHODS_PER_PERSON) {
        throw new RpcError(
          'CONFLICT',
          `A person can have at most ${MAX_METHODS_PER_PERSON} contact methods.`,
        );
      }
      const { type, address, enabled } = checked.value;
      const row = await insertMethod(
        tx,
        { orgId, userId, type, address, enabled, verified: type === 'slack' },
        now,
      );
      if (row.type === 'email') await this.verifications.send(tx, row, now);
      return toContactMethodView(row);
    });
  }

  @MessagePattern(Commands.notification.updateContactMethod)
  async update(@Payload() request: RpcRequest<UpdateContactMethodRequest>): Promise<ContactMethodView> {
    const { orgId } = organizationContextOf(request);
    const now = this.clock.now();
    return this.accounts.withPersonDefaults(orgId, request.data, async (tx) => {
      const changed = await changeContactMethod(tx, orgId, request.data, this.addressOptions, now);
      if (changed.needsVerification) await this.verifications.send(tx, changed.row, now);
      return toContactMethodView(changed.row);
    });
  }

  @MessagePattern(Commands.notification.deleteContactMethod)
  async remove(@Payload() request: RpcRequest<ContactMethodRequest>): Promise<{ deleted: true }> {
    const { orgId } = organizationContextOf(request);
    await this.accounts.withPersonDefaults(orgId, request.data, (tx) =>
      removeContactMethod(tx, orgId, request.data.userId, request.data.contactMethodId),
    );
    return { deleted: true };
  }

  private get addressOptions() {
    return { allowAnyWebhookUrl: this.config.NODE_ENV !== 'production' };
  }
}
