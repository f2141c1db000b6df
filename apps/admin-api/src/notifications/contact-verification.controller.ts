import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Commands, ConfirmContactMethodAnswer } from '@oncall/contracts';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { PublicRoute } from '@oncall/platform-runtime';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { sendActionPage } from './email-actions/action-page';

/**
 * The confirmation link sent to a new email contact method. Opening it (GET) only asks to confirm (mail
 * scanners open links); the button's POST confirms it with notification. The token is the credential.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('contact-verification')
export class ContactVerificationController {
  constructor(private readonly bus: MessageBus) {}

  @Get(':token')
  show(@Res() response: Response): void {
    sendActionPage(response, {
      status: 200,
      title: 'Confirm this email address?',
      lines: ['Confirm to receive On-Call pages at this address.'],
      confirm: { label: 'Confirm address', color: '#15803d' },
    });
  }

  @Post(':token')
  async confirm(@Param('token') token: string, @Res() response: Response): Promise<void> {
    let answer: ConfirmContactMethodAnswer;
    try {
      answer = await this.bus.rpc.request<ConfirmContactMethodAnswer>(
        Commands.notification.confirmContactMethod,
        { token },
        { orgId: null, correlationId: randomUUID(), causationId: null },
      );
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      return sendActionPage(response, { status: 503, title: 'Please try again', lines: ['The address could not be confirmed just now.'] }); // prettier-ignore
    }
    switch (answer.status) {
      case 'confirmed':
      case 'already-confirmed':
        return sendActionPage(response, {
          status: 200,
          title: answer.status === 'confirmed' ? 'Address confirmed' : 'Already confirmed',
          lines: [`${answer.address} receives On-Call pages according to your notification rules.`],
        });
      case 'expired':
        return sendActionPage(response, { status: 410, title: 'This link has expired', lines: ['Ask for a new confirmation link from your contact methods.'] }); // prettier-ignore
      case 'unknown':
        return sendActionPage(response, { status: 404, title: 'This link is not valid', lines: ['It may have been replaced by a newer link, or copied incompletely. Nothing was confirmed.'] }); // prettier-ignore
    }
  }
}
