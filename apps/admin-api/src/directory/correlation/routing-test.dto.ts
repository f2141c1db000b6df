import { ROUTING_SEVERITIES, type RoutingSeverity } from '@oncall/dedup-domain';
import { IsIn, IsISO8601, IsObject, IsOptional, IsUUID } from 'class-validator';
import { OptionalNonEmptyText } from '../../shared/dto-fields';

/** POST /api/v1/routing-rules/test: the facts of an alert as the correlator reads them after mapping. */
export class TestRoutingDto {
  /** The integration that would receive the alert: its service takes what no rule matches. */
  @IsUUID()
  integrationId!: string;

  /** The client id the sending tool puts on the alert (ours, the RMM's or the PSA's). */
  @OptionalNonEmptyText(200)
  client?: string;

  @OptionalNonEmptyText(255)
  device?: string;

  /** Label name → value, as the alert would carry them. */
  @IsOptional()
  @IsObject()
  labels?: Record<string, string>;

  @IsIn(ROUTING_SEVERITIES)
  severity!: RoutingSeverity;

  /** When the alert would be received (maintenance windows); now when omitted. */
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
