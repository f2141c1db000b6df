import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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
   * end-to-end tests fast-forward the whole platform (never in production).
   */
  @IsIn(['system', 'test'])
  PLATFORM_CLOCK: 'system' | 'test' = 'system';

  /** When set, /metrics requires `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  METRICS_TOKEN?: string;
}
