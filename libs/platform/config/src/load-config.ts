import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { InvalidConfigurationError } from './config-error';

type ConfigClass<T> = new () => T;

/**
 * Builds a typed configuration object from environment variables and validates it.
 * Empty strings count as unset so `FOO= node main.js` behaves like a missing variable.
 */
export function loadConfig<T extends object>(
  schema: ConfigClass<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(schema, present, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw toConfigurationError(errors[0]);
  return config;
}

function toConfigurationError(error: ValidationError): InvalidConfigurationError {
  const messages = Object.values(error.constraints ?? {});
  const missing = error.value === undefined;
  // A variable required only in some cases says which (IsDefined's message).
  const when = error.constraints?.isDefined;
  const problem = missing
    ? `is not set${when ? ` (${when})` : ''}`
    : `is invalid: ${messages[0] ?? 'unexpected value'}`;
  return new InvalidConfigurationError(error.property, problem);
}

/**
 * Loads the configuration or ends the process with one line naming the bad variable.
 * Used by every service's main.ts before anything else starts.
 */
export function loadConfigOrExit<T extends object>(
  schema: ConfigClass<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
