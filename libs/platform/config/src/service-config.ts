import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** The test clock's offset can be moved by anyone on the bus: never in production. */
@ValidatorConstraint({ name: 'systemClockInProduction' })
class SystemClockInProduction implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return !((args.object as { NODE_ENV?: string }).NODE_ENV === 'production' && value !== 'system');
  }

  defaultMessage(): string {
    return 'must be system when NODE_ENV=production';
  }
}

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+(:\d+)?\/[^\s/?]+(\?\S*)?$/;
const NATS_URL = /^(nats|tls|ws|wss):\/\/\S+$/;

/** Variables every service needs. Apps extend this class with their own. */
export class ServiceConfig {
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL with a database name' })
  DATABASE_URL!: string;

  @Matches(NATS_URL, { message: 'must be a nats:// URL' })
  NATS_URL!: string;

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 0;

  /** Interface to listen on: 0.0.0.0 in containers. */
  @IsString()
  HOST: string = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Namespaces every subject, stream and consumer: lets test runs share one NATS server. */
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,32}$/, { message: 'must be 1-32 characters of a-z, 0-9, _ or -' })
  NATS_SUBJECT_PREFIX?: string;

  @IsOptional()
  @IsString()
  INSTANCE_ID?: string;

  /**
   * `system` (default): wall time. `test`: wall time plus an offset shared by every service through NATS, so
   * end-to-end tests fast-forward the whole platform (never in production: refused there).
   */
  @IsIn(['system', 'test'])
  @Validate(SystemClockInProduction)
  PLATFORM_CLOCK: 'system' | 'test' = 'system';

  /**
   * `production` (baked into the image) makes the platform refuse what is only fit for development: an open
   * /metrics here, the development signing key in admin-api.
   */
  @IsOptional()
  @IsIn(['production', 'development', 'test'])
  NODE_ENV?: string;

  /**
   * When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. Required when NODE_ENV=production:
   * metrics name routes, subjects and volumes, not for anyone who can reach the port (ADR 0087).
   */
  @ValidateIf(
    (config: ServiceConfig) => config.NODE_ENV === 'production' || config.METRICS_TOKEN !== undefined,
  )
  @IsDefined({ message: 'required when NODE_ENV=production' })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (a random token, e.g. openssl rand -hex 32)' })
  METRICS_TOKEN?: string;
}
