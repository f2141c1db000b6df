export { InvalidConfigurationError } from './config-error';
export { loadConfig, loadConfigOrExit } from './load-config';
export { BaseServiceConfig, ServiceConfig } from './service-config';
