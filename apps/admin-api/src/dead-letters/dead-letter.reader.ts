import { Injectable } from '@nestjs/common';
import {
  cursorCodec,
  CursorPage,
  CursorPageQueryDto,
  DeadLetter,
  Headers,
  PAGE_DEFAULT_LIMIT,
  PAGE_MAX_BYTES,
  Streams,
  Subjects,
} from '@oncall/contracts';
import { MessageBus, readCursor } from '@oncall/platform-messaging';
import { DeliverPolicy } from 'nats';
import { DeadLetterView, toDeadLetterView } from './dead-letter.view';

/** Dead letters a page looks at, at most: the stream holds every organization's, for 30 days. */
const SCAN_LIMIT = 1_000;
const deadLettersCursor = cursorCodec('dead-letters', ['sequence'] as const);

/**
 * The organization's dead letters, oldest first, read from ONCALL_DEAD_LETTERS. Letters carry the original
 * message's headers, so the organization is matched on `Oncall-Org-Id` while scanning headers only; only
 * the matching letters are read whole. A page looks at SCAN_LIMIT letters at most: it may hold fewer than
 * `limit` items (none, even) and still have a next cursor.
 */
@Injectable()
export class DeadLetterReader {
  constructor(private readonly bus: MessageBus) {}

  async page(orgId: string, query: CursorPageQueryDto): Promise<CursorPage<DeadLetterView>> {
    const limit = query.limit ?? PAGE_DEFAULT_LIMIT;
    const stream = this.bus.namespace.stream(Streams.deadLetters.name);
    const { state } = await this.bus.jsm.streams.info(stream);
    const from = Math.max(query.cursor ? readCursor(deadLettersCursor, query.cursor)[0] : 1, state.first_seq);
    if (state.messages === 0 || from > state.last_seq) return { items: [], nextCursor: null };
    const { matching, scannedTo } = await this.scan(stream, orgId, from, state.last_seq, limit);
    const items: DeadLetterView[] = [];
    let bytes = 0;
    for (const { sequence, type } of matching) {
      const stored = await this.bus.jsm.streams.getMessage(stream, { seq: sequence });
      const view = toDeadLetterView(sequence, stored.json<DeadLetter>(), type);
      bytes += Buffer.byteLength(JSON.stringify(view));
      if (items.length > 0 && bytes > PAGE_MAX_BYTES) {
        return { items, nextCursor: deadLettersCursor.encode([sequence]) };
      }
      items.push(view);
    }
    return {
      items,
      nextCursor: scannedTo < state.last_seq ? deadLettersCursor.encode([scannedTo + 1]) : null,
    };
  }

  /** Headers only, from `from`: the first `limit` letters of the organization, and how far it looked. */
  private async scan(stream: string, orgId: string, from: number, last: number, limit: number) {
    const consumer = await this.bus.js.consumers.get(stream, {
      filterSubjects: this.bus.namespace.subject(`${Subjects.deadLetters}.>`),
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: from,
      headers_only: true,
    });
    const matching: { sequence: number; type: string | null }[] = [];
    let scannedTo = from - 1;
    const batch = await consumer.fetch({
      max_messages: Math.min(SCAN_LIMIT, last - from + 1),
      expires: 2_000,
    });
    for await (const message of batch) {
      scannedTo = message.seq;
      if (message.headers?.get(Headers.orgId) === orgId) {
        matching.push({ sequence: message.seq, type: message.headers.get(Headers.type) || null });
      }
      if (matching.length >= limit || message.seq >= last) break;
    }
    return { matching, scannedTo };
  }
}
