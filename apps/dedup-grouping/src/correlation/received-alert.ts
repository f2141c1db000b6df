import { AlertAction, CanonicalAlert, MessageEnvelope } from '@oncall/contracts';
import { CorrelationVerdict, RoutableAlert } from '@oncall/dedup-domain';
import { decodeJson, UndecodableMessageError } from '@oncall/platform-messaging';

type AlertEnvelope = MessageEnvelope<'AlertReceived', CanonicalAlert>;

/**
 * An alert as read from its partition. What routing needs (id, action, key, organization) comes from the
 * message headers; the body is parsed only when a step needs it, so a storm of repeats is planned and
 * counted without parsing each of its bodies.
 */
export class ReceivedAlert implements RoutableAlert {
  private envelope?: AlertEnvelope;
  /** Where the correlator routed it and why it recorded it, once decided (ADR 0175); kept for replays. */
  verdict?: CorrelationVerdict;

  constructor(
    readonly sequence: number,
    readonly alertId: string,
    readonly action: AlertAction,
    private readonly body: Uint8Array,
    private recordedAs: 'page' | 'record' = 'page',
  ) {}

  get disposition(): 'page' | 'record' {
    return this.recordedAs;
  }

  /** The correlator's verdict; a maintenance window turns the alert into a record. */
  decide(verdict: CorrelationVerdict): void {
    this.verdict = verdict;
    if (verdict.recordReason !== undefined) this.recordedAs = 'record';
  }

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
