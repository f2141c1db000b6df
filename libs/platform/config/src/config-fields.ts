import {
  IsDefined,
  IsInt,
  IsString,
  Max,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
} from 'class-validator';

const inProduction = (config: object) => (config as { NODE_ENV?: string }).NODE_ENV === 'production';

/**
 * The decorators as if written one above the other in this order over a property. TypeScript applies such
 * a stack bottom-up, and class-validator reports a property's failures in the order its rules were
 * applied (loadConfig names the first): keeping that order keeps every message as it was.
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorator of [...decorators].reverse()) decorator(target, propertyKey);
  };
}

/** A whole number from `min` to `max`, both included. */
export const IntegerBetween = (min: number, max: number): PropertyDecorator =>
  stacked(IsInt(), Min(min), Max(max));

/**
 * A secret the service shares with someone else (a bearer token, a service key, a signing secret): a string
 * of at least 32 characters, such as `openssl rand -hex 32` prints. `kind` is what the refusal calls it (a
 * random key, a random token); without it, the refusal only gives the example.
 */
export const SharedSecret = (kind?: 'key' | 'token'): PropertyDecorator =>
  stacked(
    IsString(),
    MinLength(32, {
      message: `must be at least 32 characters (${kind ? `a random ${kind}, ` : ''}e.g. openssl rand -hex 32)`,
    }),
  );

/**
 * Optional in development, required when NODE_ENV=production (the variable's other rules apply whenever it
 * is set).
 */
export const RequiredInProduction = (): PropertyDecorator => (target, propertyKey) =>
  stacked(
    ValidateIf(
      (config: Record<string | symbol, unknown>) => inProduction(config) || config[propertyKey] !== undefined,
    ),
    IsDefined({ message: 'required when NODE_ENV=production' }),
  )(target, propertyKey);

/**
 * A rule only production holds a variable to (`name` is how a failure is reported, `message` what it
 * says); outside production every value passes it.
 */
export const InProductionMust =
  (name: string, holds: (value: unknown) => boolean, message: string): PropertyDecorator =>
  (target, propertyKey) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      validator: {
        validate: (value, args) => !inProduction(args?.object ?? {}) || holds(value),
        defaultMessage: () => message,
      },
    });
