import { JsMsg } from 'nats';
import { Logger } from 'pino';

export type Settlement = 'ack' | 'nak' | 'term' | 'working';

/**
 * Acks, naks, terms or extends a message's deadline. These publish on the connection and throw once it is
 * closed (a shutdown, a lost server); that must never end the process or a consumer's loop: left unsettled,
 * the message is redelivered after the ack wait. Returns whether it was sent.
 */
export function settleMessage(
  message: JsMsg,
  action: Settlement,
  logger: Logger,
  durable: string,
  delayMs?: number,
): boolean {
  try {
    if (action === 'nak') message.nak(delayMs);
    else message[action]();
    return true;
  } catch (error) {
    logger.warn(
      { err: error, durable, streamSequence: message.seq },
      `Could not ${action} a message; the server will redeliver it after the ack wait`,
    );
    return false;
  }
}
