export { InvalidConfigurationError } from './config-error';
export { loadConfig, loadConfigOrExit } from './load-config';
export { ServiceConfig } from './service-config';
