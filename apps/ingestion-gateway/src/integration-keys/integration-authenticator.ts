import {
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { IntegrationCredential, IntegrationType } from '@oncall/contracts';
import { RpcUnavailableError } from '@oncall/platform-messaging';
import { problem } from '@oncall/platform-runtime';
import { IntegrationKeyResolver } from './integration-key-resolver';

/** Turns the key in an alert URL into the integration it belongs to, or a 401/403/503 a sender can act on. */
@Injectable()
export class IntegrationAuthenticator {
  constructor(private readonly resolver: IntegrationKeyResolver) {}

  async authenticate(
    key: string,
    route: IntegrationType,
    correlationId: string,
  ): Promise<IntegrationCredential> {
    const credential = await whileDirectoryAnswers(() => this.resolver.resolve(key, correlationId));
    if (!credential || !credential.active) {
      throw new UnauthorizedException(
        problem(401, 'Unknown or revoked integration key.', { code: 'INTEGRATION_KEY_INVALID' }),
      );
    }
    if (credential.type !== route) {
      throw new ForbiddenException(
        problem(
          403,
          `This key belongs to a ${credential.type} integration; post to /v1/alerts/${credential.type}/.`,
          {
            code: 'INTEGRATION_TYPE_MISMATCH',
          },
        ),
      );
    }
    return credential;
  }

  /** The organization's live integration of `type`, or null; 503 when the directory cannot say. */
  integrationForOrg(
    orgId: string,
    type: IntegrationType,
    correlationId: string,
  ): Promise<IntegrationCredential | null> {
    return whileDirectoryAnswers(() => this.resolver.resolveForOrg(orgId, type, correlationId));
  }
}

/** Runs a directory lookup; an unreachable directory (with no usable cached answer) is a 503 to retry. */
async function whileDirectoryAnswers<T>(lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (!(error instanceof RpcUnavailableError)) throw error;
    throw new ServiceUnavailableException(
      problem(503, 'Integrations cannot be checked right now; retry shortly. Nothing was accepted.', {
        code: 'DIRECTORY_UNAVAILABLE',
      }),
    );
  }
}
