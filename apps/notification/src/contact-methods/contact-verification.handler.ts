import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Commands,
  ConfirmContactMethodAnswer,
  ConfirmContactMethodRequest,
  ContactMethodRequest,
  RpcRequest,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { DeliverySender } from '../delivery/delivery-sender.worker';
import { AccountProvisioner } from '../people/account-provisioner';
import { notFound } from '../shared/refusals';
import { loadMethodRow } from './contact-method.store';
import { ContactVerifications } from './contact-verifications';

/** Sending a confirmation link again, and confirming from the link (the public page asks). */
@Controller()
export class ContactVerificationHandler {
  constructor(
    private readonly accounts: AccountProvisioner,
    private readonly verifications: ContactVerifications,
    private readonly sender: DeliverySender,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Commands.notification.sendVerification)
  async resend(@OrgRequest() { orgId, data }: OrgRequest<ContactMethodRequest>): Promise<{ sent: true }> {
    const { userId, contactMethodId } = data;
    await this.accounts.withPersonDefaults(orgId, data, async (tx) => {
      const row = await loadMethodRow(tx, orgId, userId, contactMethodId, true);
      if (!row) throw notFound(`Contact method ${contactMethodId}`);
      if (row.type !== 'email') {
        throw new RpcError(
          'CONFLICT',
          `Only email contact methods are confirmed by a link; this one is ${row.type}.`,
        );
      }
      if (row.verified || row.account_email)
        throw new RpcError('CONFLICT', `${row.address} is already confirmed.`);
      await this.verifications.send(tx, row, this.clock.now());
    });
    this.sender.poke();
    return { sent: true };
  }

  /** The token is the credential: the request names no organization (admin-api's public page asks). */
  @MessagePattern(Commands.notification.confirmContactMethod)
  confirm(@Payload() request: RpcRequest<ConfirmContactMethodRequest>): Promise<ConfirmContactMethodAnswer> {
    return this.verifications.confirm(request.data?.token);
  }
}
