/** Raised when the environment does not satisfy a service's configuration schema. */
export class InvalidConfigurationError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'InvalidConfigurationError';
  }
}
