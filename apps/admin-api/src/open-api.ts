import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/**
 * OpenAPI at /api/docs (JSON at /api/docs-json), generated from the routes and from the class-validator
 * rules of the DTOs, so the document cannot drift from what the API accepts.
 */
export function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('On-Call API')
    .setDescription('On-call management for MSPs. Authenticate with a Hub bearer token; errors are RFC 7807.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...schemas },
  } as never;
  SwaggerModule.setup('api/docs', app, document);
}
