import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Buckets of both latency histograms (message handling, HTTP requests): 1 ms to 5 s. */
const LATENCY_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** One registry per process: Prometheus scrapes it at /metrics. */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly messagesHandled: Counter<'subject' | 'outcome'>;
  readonly messageHandlingSeconds: Histogram<'subject'>;
  readonly deadLetters: Counter<'stream' | 'durable'>;
  readonly httpRequestSeconds: Histogram<'method' | 'route' | 'status'>;
  readonly outboxMessagesSetAside: Counter;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.messagesHandled = new Counter({
      name: 'oncall_messages_handled_total',
      help: 'Messages handled, by subject and outcome (ack, retry, dead-letter, reply, error).',
      labelNames: ['subject', 'outcome'],
      registers: [this.registry],
    });
    this.messageHandlingSeconds = new Histogram({
      name: 'oncall_message_handling_seconds',
      help: 'Time spent handling one message.',
      labelNames: ['subject'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [this.registry],
    });
    this.deadLetters = new Counter({
      name: 'oncall_dead_letters_total',
      help: 'Messages a durable consumer gave up on and moved to ONCALL_DEAD_LETTERS, by source stream and durable.',
      labelNames: ['stream', 'durable'],
      registers: [this.registry],
    });
    this.httpRequestSeconds = new Histogram({
      name: 'oncall_http_request_seconds',
      help: 'HTTP request latency.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [this.registry],
    });
    this.outboxMessagesSetAside = new Counter({
      name: 'oncall_outbox_messages_set_aside_total',
      help: 'Outbox messages the bus can never take, moved to outbox_dead (alert on any increase).',
      registers: [this.registry],
    });
  }
}
