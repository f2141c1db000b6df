import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { ReportWindowQueryDto } from './report-query.dto';

/** A report route's answer, in the format the caller asked for. */
export class ReportReply {
  constructor(private readonly response: Response) {}

  /** `body` as JSON by default; `csv(body)` with `?format=csv`, or with no format and an `Accept` preferring CSV. */
  of<T>(query: ReportWindowQueryDto, body: T, csv: (body: T) => string): T | string {
    const request = this.response.req;
    // Weighed as HTTP says: `application/json, text/csv;q=0.5` (the SPA's fetch) wants JSON.
    const wantsCsv =
      query.format === 'csv' ||
      (query.format === undefined &&
        request.headers.accept !== undefined &&
        request.accepts(['application/json', 'text/csv']) === 'text/csv');
    if (!wantsCsv) return body;
    this.response.type('text/csv; charset=utf-8');
    return csv(body);
  }
}

/** The route's `ReportReply` (not in the OpenAPI document: the route documents both formats itself). */
export const Reply = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    new ReportReply(context.switchToHttp().getResponse<Response>()),
);
