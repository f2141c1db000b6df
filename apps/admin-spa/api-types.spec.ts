import { withDanglingRefsUnknown } from './api-types';

describe('OpenAPI document before generation', () => {
  it('keeps references to schemas the document has, and makes dangling ones unknown', () => {
    const document = {
      components: {
        schemas: {
          A: {
            type: 'object',
            properties: {
              b: { $ref: '#/components/schemas/B' },
              c: { $ref: '#/components/schemas/Missing' },
            },
          },
          B: { type: 'string' },
        },
      },
    };
    expect(withDanglingRefsUnknown(document).components.schemas.A.properties).toEqual({
      b: { $ref: '#/components/schemas/B' },
      c: { description: 'Missing: not described by the OpenAPI document' },
    });
  });
});
