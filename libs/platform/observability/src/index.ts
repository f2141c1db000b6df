export { createLogger, redactUrl, REDACTED_PATHS } from './logger';
export { runWithLogContext, currentLogContext, type LogContext } from './log-context';
export { ServiceMetrics } from './metrics';
