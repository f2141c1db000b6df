import { AlertAction, CanonicalAlert, MessageEnvelope } from '@oncall/contracts';
import { RoutableAlert } from '@oncall/dedup-domain';
import { decodeJson, UndecodableMessageError } from '@oncall/platform-messaging';

type AlertEnvelope = MessageEnvelope<'AlertReceived', CanonicalAlert>;

/**
 * An alert as read from its partition. What routing needs (id, action, key, organization) comes from the
 * message headers; the body is parsed only when a step needs it, so a storm of repeats is planned and
 * counted without parsing each of its bodies.
 */
export class ReceivedAlert implements RoutableAlert {
  private envelope?: AlertEnvelope;

  constructor(
    readonly sequence: number,
    readonly alertId: string,
    readonly action: AlertAction,
    private readonly body: Uint8Array,
    readonly disposition: 'page' | 'record' = 'page',
  ) {}

  /** From a parsed envelope (messages published before alert headers existed). */
  static parsed(sequence: number, envelope: AlertEnvelope): ReceivedAlert {
    const received = new ReceivedAlert(
      sequence,
      envelope.data.alertId,
      envelope.data.action,
      new Uint8Array(),
      envelope.data.disposition ?? 'page',
    );
    received.envelope = envelope;
    return received;
  }

  /** The canonical alert; throws UndecodableMessageError for a body that is not one. */
  get alert(): CanonicalAlert {
    return this.parsedEnvelope().data;
  }

  /** The envelope as received (re-encoded for messages read by their parsed body). */
  envelopeBytes(): Uint8Array {
    return this.body.length > 0 ? this.body : new TextEncoder().encode(JSON.stringify(this.envelope));
  }

  get correlationId(): string {
    return this.parsedEnvelope().metadata.correlationId;
  }

  private parsedEnvelope(): AlertEnvelope {
    if (this.envelope) return this.envelope;
    const envelope = decodeJson<AlertEnvelope>(this.body);
    if (!envelope?.data?.orgId || !envelope.data.dedupKey) {
      throw new UndecodableMessageError('not an AlertReceived envelope');
    }
    this.envelope = envelope;
    return envelope;
  }
}
