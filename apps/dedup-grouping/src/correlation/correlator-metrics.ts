import { Counter, Gauge, Registry } from 'prom-client';
import { BatchOutcome } from './batch-runner';

/** What an operator watches on the correlator: backlog, throughput, dead letters, partitions held. */
export class CorrelatorMetrics {
  readonly correlated: Counter<'outcome'>;
  readonly partitionsHeld: Gauge;

  constructor(registry: Registry, backlog: () => number) {
    this.correlated = new Counter({
      name: 'oncall_alerts_correlated_total',
      help: 'Alerts correlated into incidents, by outcome (applied, dead-letter).',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.partitionsHeld = new Gauge({
      name: 'oncall_correlator_partitions_held',
      help: 'Alert partitions this replica correlates.',
      registers: [registry],
    });
    new Gauge({
      name: 'oncall_correlator_backlog',
      help: 'Alerts received on the partitions this replica holds and not yet applied.',
      registers: [registry],
      collect() {
        this.set(backlog());
      },
    });
  }

  count(outcome: BatchOutcome): void {
    if (outcome.applied > 0) this.correlated.inc({ outcome: 'applied' }, outcome.applied);
    if (outcome.deadLettered > 0) this.correlated.inc({ outcome: 'dead-letter' }, outcome.deadLettered);
  }
}
