export { PollingLoop, type PollingLoopOptions, type PassOutcome } from './polling-loop';
export { PolledWorker, drainBatches } from './polled-worker';
