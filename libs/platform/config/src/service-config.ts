import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { InProductionMust, IntegerBetween, RequiredInProduction, SharedSecret } from './config-fields';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s/]+(:\d+)?\/[^\s/?]+(\?\S*)?$/;
const NATS_URL = /^(nats|tls|ws|wss):\/\/\S+$/;

/**
 * Variables every service needs. A service without a database of its own (the ingestion gateway) extends
 * this class directly; the others extend ServiceConfig.
 */
export class BaseServiceConfig {
  @Matches(NATS_URL, { message: 'must be a nats:// URL' })
  NATS_URL!: string;

  @IntegerBetween(0, 65535)
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
   * end-to-end tests fast-forward the whole platform. Refused in production: anyone on the bus can move the
   * test clock's offset.
   */
  @IsIn(['system', 'test'])
  @InProductionMust(
    'systemClockInProduction',
    (value) => value === 'system',
    'must be system when NODE_ENV=production',
  )
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
  @RequiredInProduction()
  @SharedSecret('token')
  METRICS_TOKEN?: string;
}

/** Variables of a service that owns a PostgreSQL schema. Apps extend this class with their own. */
export class ServiceConfig extends BaseServiceConfig {
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// URL with a database name' })
  DATABASE_URL!: string;
}
