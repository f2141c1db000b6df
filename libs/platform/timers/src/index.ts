export { CreateTimers1796200000000 } from './timers.migration';
export { cancelTimerGroup, cancelTimers, scheduleTimers, type DueTimer, type TimerSpec } from './timer-store';
export { TimerWorker, type TimerHandler, type TimerWorkerOptions } from './timer-worker';
