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

/** A durable consumer of everything a stream holds (its one subject, `oncall.evt.psa.>` for `Streams.psa`). */
export function DurableStreamPattern(
  stream: { readonly name: string; readonly subjects: readonly string[] },
  durable: string,
  options: Omit<DurableEventOptions, 'stream' | 'durable'> = {},
): MethodDecorator {
  const [subject, ...others] = stream.subjects;
  if (subject === undefined || others.length > 0)
    throw new Error(`Stream ${stream.name} has ${stream.subjects.length} subjects; name the one to consume`);
  return DurableEventPattern(subject, stream, durable, options);
}
