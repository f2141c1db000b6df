import { EventPattern } from '@nestjs/microservices';
import type { DurableEventOptions } from './platform-transport';

/**
 * `@EventPattern(subject, { stream, durable })` as PlatformTransport needs it, with the stream and the
 * durable consumer's name required by the compiler (EventPattern's extras are untyped: a missing one would
 * only fail at startup). `options` tunes the consumer (maxAckPending, startAt…).
 */
export function DurableEventPattern(
  subject: string,
  stream: { readonly name: string },
  durable: string,
  options: Omit<DurableEventOptions, 'stream' | 'durable'> = {},
): MethodDecorator {
  return EventPattern(subject, { ...options, stream: stream.name, durable } satisfies DurableEventOptions);
}
