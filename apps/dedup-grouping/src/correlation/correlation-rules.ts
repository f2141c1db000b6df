import { Injectable } from '@nestjs/common';
import { CanonicalAlert } from '@oncall/contracts';
import { CorrelationVerdict, decideCorrelation } from '@oncall/dedup-domain';
import { CorrelationCopies } from '../collaborators/correlation-copies';

/** Client routing and maintenance for one trigger, from the local copies (ADR 0175). */
@Injectable()
export class CorrelationRules {
  constructor(private readonly copies: CorrelationCopies) {}

  decide(alert: CanonicalAlert): CorrelationVerdict {
    return decideCorrelation(
      {
        integrationId: alert.integrationId,
        serviceId: alert.serviceId,
        client: alert.client,
        device: alert.device,
        labels: alert.labels ?? {},
        severity: alert.severity,
        receivedAt: alert.receivedAt,
      },
      this.copies.settingsFor(alert.orgId),
    );
  }
}
