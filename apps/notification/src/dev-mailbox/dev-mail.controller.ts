import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { PublicRoute } from '@oncall/platform-runtime';
import type { Response } from 'express';
import { simpleParser } from 'mailparser';
import { escapeHtml } from '../email/email-html';
import { MailTransport } from '../senders/mail-transport';
import type { DevMailbox } from './dev-mailbox.server';

/** The caught emails are our own, but their HTML came from alert text: no script, nothing loaded. */
const VIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/**
 * The development mailbox on notification's own HTTP port (never in production: the module registers this
 * controller only when the mailbox runs): `GET /dev/mail` lists the caught emails newest first (JSON when
 * asked), `/dev/mail/<id>` shows one as a mail client would, `/dev/mail/<id>.eml` is the raw message.
 */
@PublicRoute()
@Controller('dev/mail')
export class DevMailController {
  constructor(private readonly transport: MailTransport) {}

  @Get()
  async list(@Headers('accept') accept: string | undefined, @Res() response: Response): Promise<void> {
    const entries = await this.mailbox.list(200);
    if ((accept ?? '').includes('application/json')) {
      response.json({ directory: this.mailbox.directory, items: entries });
      return;
    }
    const rows = entries.map(
      (entry) =>
        `<tr><td>${escapeHtml(entry.receivedAt)}</td><td>${escapeHtml(entry.to)}</td>` +
        `<td><a href="/dev/mail/${entry.id}">${escapeHtml(entry.subject || '(no subject)')}</a></td>` +
        `<td><a href="/dev/mail/${entry.id}.eml">.eml</a></td></tr>`,
    );
    const body =
      `<h1>Development mailbox</h1><p>${entries.length} email(s), newest first, from ` +
      `${escapeHtml(this.mailbox.directory)}. Nothing here was delivered to anyone.</p>` +
      `<table cellpadding="6"><tr><th>Received</th><th>To</th><th>Subject</th><th></th></tr>${rows.join('')}</table>`;
    this.html(response, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Dev mailbox</title></head><body style="font-family:Arial,sans-serif;">${body}</body></html>`); // prettier-ignore
  }

  @Get(':id')
  async show(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const raw = id.endsWith('.eml') ? await this.mailbox.read(id.slice(0, -4)) : await this.mailbox.read(id);
    if (!raw) throw new NotFoundException('No such email in the development mailbox.');
    if (id.endsWith('.eml')) {
      response.type('message/rfc822').send(raw);
      return;
    }
    const mail = await simpleParser(raw);
    const html = typeof mail.html === 'string' ? mail.html : `<pre>${escapeHtml(mail.text ?? '')}</pre>`;
    this.html(response, html);
  }

  private get mailbox(): DevMailbox {
    if (!this.transport.mailbox) throw new NotFoundException('The development mailbox is not running.');
    return this.transport.mailbox;
  }

  private html(response: Response, html: string): void {
    response.setHeader('Content-Security-Policy', VIEW_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.type('text/html').send(html);
  }
}
