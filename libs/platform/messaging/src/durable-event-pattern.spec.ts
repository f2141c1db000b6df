import { PATTERN_EXTRAS_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { DurableEventPattern, DurableStreamPattern } from './durable-event-pattern';

const STREAM = { name: 'ONCALL_PSA', subjects: ['oncall.evt.psa.>'] };

function metadataOf(decorator: MethodDecorator): { patterns: unknown; extras: unknown } {
  class Probe {
    handle(): string {
      return 'handled';
    }
  }
  const descriptor = Object.getOwnPropertyDescriptor(Probe.prototype, 'handle')!;
  decorator(Probe.prototype, 'handle', descriptor);
  return {
    patterns: Reflect.getMetadata(PATTERN_METADATA, descriptor.value),
    extras: Reflect.getMetadata(PATTERN_EXTRAS_METADATA, descriptor.value),
  };
}

describe('DurableStreamPattern', () => {
  it("subscribes to the stream's one subject, as DurableEventPattern with that subject does", () => {
    const metadata = metadataOf(DurableStreamPattern(STREAM, 'probe', { maxAckPending: 1 }));
    expect(metadata.patterns).toEqual(['oncall.evt.psa.>']);
    expect(metadata).toEqual(
      metadataOf(DurableEventPattern('oncall.evt.psa.>', STREAM, 'probe', { maxAckPending: 1 })),
    );
  });

  it('refuses a stream of several subjects', () => {
    expect(() => DurableStreamPattern({ name: 'TWO', subjects: ['a.>', 'b.>'] }, 'probe')).toThrow(
      'Stream TWO has 2 subjects',
    );
  });
});
