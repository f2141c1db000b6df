import { once } from 'node:events';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface DevMailboxOptions {
  /** Where messages are written; `.oncall/mail/` (git-ignored) by default. */
  readonly directory?: string;
  readonly host?: string;
  /** 0 picks a free port; the URL to use is `smtpUrl` once started. */
  readonly port?: number;
  readonly maxMessageBytes?: number;
  /** Names files by arrival; the platform clock in the service, so a fast-forwarded test sorts right. */
  readonly now?: () => Date;
}

/** One caught message as a list shows it; `id` names its .eml file. */
export interface DevMailboxEntry {
  readonly id: string;
  readonly subject: string;
  readonly from: string;
  readonly to: string;
  /** The message's Date header, ISO-8601, or null when it has none. */
  readonly date: string | null;
  readonly receivedAt: string;
  readonly sizeBytes: number;
}

export const DEFAULT_DEV_MAIL_DIRECTORY = '.oncall/mail';
const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const MESSAGE_ID = /^\d{8}T\d{9}Z-\d{6}-[0-9a-f]{8}$/;

/**
 * A development stand-in for an SMTP relay: accepts every message (no authentication, no TLS, loopback
 * only by default) and writes it as an .eml file, so a person trying the platform can open the page
 * that would have woken the technician. Never for production: it delivers nothing.
 */
export class DevMailbox {
  private readonly server: SMTPServer;
  private sequence = 0;

  private constructor(
    readonly directory: string,
    maxMessageBytes: number,
    private readonly now: () => Date,
  ) {
    this.server = new SMTPServer({
      authOptional: true,
      hideSTARTTLS: true,
      logger: false,
      size: maxMessageBytes,
      onData: (stream, _session, callback) => {
        this.store(stream).then(() => callback(), callback);
      },
    });
  }

  static async start(options: DevMailboxOptions = {}): Promise<DevMailbox> {
    const directory = resolve(options.directory ?? DEFAULT_DEV_MAIL_DIRECTORY);
    await mkdir(directory, { recursive: true });
    const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    // eslint-disable-next-line no-restricted-syntax -- dev tool: when a real mail reached this machine
    const mailbox = new DevMailbox(directory, maxMessageBytes, options.now ?? (() => new Date()));
    mailbox.server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
    await once(mailbox.server.server, 'listening');
    return mailbox;
  }

  /** Where to send: the SMTP_URL a sender uses in development. */
  get smtpUrl(): string {
    const { address, port } = this.server.server.address() as AddressInfo;
    return `smtp://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }

  /** The newest messages first, with what a list shows of each. */
  async list(limit = 50): Promise<DevMailboxEntry[]> {
    const names = (await readdir(this.directory)).filter((name) =>
      MESSAGE_ID.test(name.replace(/\.eml$/, '')),
    );
    const newest = names.sort().reverse().slice(0, limit);
    return Promise.all(newest.map((name) => this.describe(name.replace(/\.eml$/, ''))));
  }

  /** The raw message, or null for an id that names no caught message. */
  async read(id: string): Promise<Buffer | null> {
    if (!MESSAGE_ID.test(id)) return null;
    return readFile(this.pathOf(id)).catch(() => null);
  }

  async close(): Promise<void> {
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async store(stream: SMTPServerDataStream): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (stream.sizeExceeded) {
      throw Object.assign(new Error('message exceeds the dev mailbox size limit'), { responseCode: 552 });
    }
    const id = this.nextId();
    // Written aside then renamed, so a listing never reads half a message.
    const partial = join(this.directory, `.${id}.partial`);
    await writeFile(partial, Buffer.concat(chunks));
    await rename(partial, this.pathOf(id));
  }

  private async describe(id: string): Promise<DevMailboxEntry> {
    const path = this.pathOf(id);
    const raw = await readFile(path);
    const mail = await simpleParser(raw, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
    const addressesText = (field: typeof mail.to) =>
      [field ?? []]
        .flat()
        .map((entry) => entry.text)
        .join(', ');
    return {
      id,
      subject: mail.subject ?? '',
      from: addressesText(mail.from),
      to: addressesText(mail.to),
      date: mail.date ? mail.date.toISOString() : null,
      receivedAt: receivedAtOf(id),
      sizeBytes: raw.length,
    };
  }

  /** Sortable by arrival: compact UTC time, then a counter for messages within one millisecond. */
  private nextId(): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    const time = this.now().toISOString().replace(/[-:.]/g, '');
    return `${time}-${String(this.sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
  }

  private pathOf(id: string): string {
    return join(this.directory, `${id}.eml`);
  }
}

/** The arrival time written in a message id: 20270301T020000123Z → 2027-03-01T02:00:00.123Z. */
function receivedAtOf(id: string): string {
  const [, y, mo, d, h, mi, se, ms] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(id) ?? [];
  return `${y}-${mo}-${d}T${h}:${mi}:${se}.${ms}Z`;
}
