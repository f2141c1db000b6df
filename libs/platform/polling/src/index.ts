export { PollingLoop, type PollingLoopOptions, type PassOutcome } from './polling-loop';
