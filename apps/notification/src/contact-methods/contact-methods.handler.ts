import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  ContactMethodRequest,
  ContactMethodView,
  CreateContactMethodRequest,
  Queries,
  PersonRef,
  UpdateContactMethodRequest,
} from '@oncall/contracts';
import { checkContactMethodInput } from '@oncall/notification-domain';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
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
  async list(@OrgRequest() { orgId, data }: OrgRequest<PersonRef>): Promise<{ items: ContactMethodView[] }> {
    return this.accounts.withPersonDefaults(orgId, data, async (tx) => ({
      items: (await loadMethodRows(tx, orgId, data.userId)).map(toContactMethodView),
    }));
  }

  @MessagePattern(Commands.notification.createContactMethod)
  async create(
    @OrgRequest() { orgId, data }: OrgRequest<CreateContactMethodRequest>,
  ): Promise<ContactMethodView> {
    const { userId, type, address, enabled } = data;
    const checked = checkContactMethodInput({ type, address, enabled }, this.addressOptions);
    if (!checked.ok) throw validationRefusal(checked.problems);
    const now = this.clock.now();
    return this.accounts.withPersonDefaults(orgId, data, async (tx) => {
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
  async update(
    @OrgRequest() { orgId, data }: OrgRequest<UpdateContactMethodRequest>,
  ): Promise<ContactMethodView> {
    const now = this.clock.now();
    return this.accounts.withPersonDefaults(orgId, data, async (tx) => {
      const changed = await changeContactMethod(tx, orgId, data, this.addressOptions, now);
      if (changed.needsVerification) await this.verifications.send(tx, changed.row, now);
      return toContactMethodView(changed.row);
    });
  }

  @MessagePattern(Commands.notification.deleteContactMethod)
  async remove(@OrgRequest() { orgId, data }: OrgRequest<ContactMethodRequest>): Promise<{ deleted: true }> {
    await this.accounts.withPersonDefaults(orgId, data, (tx) =>
      removeContactMethod(tx, orgId, data.userId, data.contactMethodId),
    );
    return { deleted: true };
  }

  private get addressOptions() {
    return { allowAnyWebhookUrl: this.config.NODE_ENV !== 'production' };
  }
}
