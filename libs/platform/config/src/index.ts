export { InvalidConfigurationError } from './config-error';
export {
  InProductionMust,
  IntegerBetween,
  RequiredInProduction,
  SharedSecret,
  stacked,
} from './config-fields';
export { loadConfig, loadConfigOrExit } from './load-config';
export { BaseServiceConfig, ServiceConfig } from './service-config';
