export { CLOCK, OffsetClock, SystemClock, type Clock } from './clock';
export { publishClockOffset, startSharedTestClock, TEST_CLOCK_STREAMS } from './shared-test-clock';
