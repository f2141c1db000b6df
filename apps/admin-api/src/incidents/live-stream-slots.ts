import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Principal } from '@oncall/platform-auth';
import { problem } from '@oncall/platform-runtime';
import { AdminApiConfig } from '../admin-api.config';

/**
 * How many live streams each person holds open on this replica. A stream is a connection held for hours;
 * without a bound, one account (or one stolen token) could hold thousands of sockets and subscriptions
 * (issue 8, item 10). Counted per replica: behind N replicas a person may hold up to N times the limit,
 * which still bounds every replica's share (ADR 0086).
 */
@Injectable()
export class LiveStreamSlots {
  private readonly held = new Map<string, number>();

  constructor(private readonly config: AdminApiConfig) {}

  /** Takes a place for the viewer, or refuses with 429; the answer frees it (once, however often called). */
  take(viewer: Pick<Principal, 'orgId' | 'userId'>): () => void {
    const key = `${viewer.orgId}\u0000${viewer.userId}`;
    const count = this.held.get(key) ?? 0;
    const limit = this.config.LIVE_STREAMS_PER_USER;
    if (count >= limit) {
      throw new HttpException(
        problem(
          HttpStatus.TOO_MANY_REQUESTS,
          `You have ${limit} live streams open already (the most one person may have); close one, e.g. another tab.`,
          { code: 'TOO_MANY_LIVE_STREAMS' },
        ),
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.held.set(key, count + 1);
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    };
  }
}
