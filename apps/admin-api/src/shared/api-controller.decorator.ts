import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/**
 * A controller of the API that people and API users call with a bearer token: its routes under `path`,
 * documented in OpenAPI under `tag` as needing the token.
 */
export const ApiController = (tag: string, path: string): ClassDecorator =>
  applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(path));
