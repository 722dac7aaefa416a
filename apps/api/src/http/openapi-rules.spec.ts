import { type OpenApiDocument, openApiProblems, pascalCase } from './openapi-rules';

const error = { description: 'refused', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };

function doc(patch: Record<string, unknown> = {}, extra: Record<string, Record<string, unknown>> = {}): OpenApiDocument {
  const submitMark = {
    summary: 'Enter one mark',
    tags: ['scoring'],
    operationId: 'Scoring_submitMark',
    parameters: [{ in: 'path', name: 'itemId' }],
    requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/SubmitMarkDto' } } } },
    security: [{ bearer: [] }],
    responses: {
      '200': { description: 'the sheet', content: { 'application/json': { schema: { $ref: '#/components/schemas/SheetDto' } } } },
      '400': error,
      '401': error,
      '403': error,
      '404': error,
      '413': error,
    },
    ...patch,
  };
  return { paths: { '/api/v1/items/{itemId}/marks': { put: submitMark }, ...extra }, components: { schemas: { ErrorBody: {} } } } as OpenApiDocument;
}

describe('openApiProblems', () => {
  it('passes a complete operation', () => {
    expect(openApiProblems(doc())).toEqual([]);
  });

  it('wants a summary and a tag', () => {
    expect(openApiProblems(doc({ summary: ' ' }))).toEqual(['PUT /api/v1/items/{itemId}/marks: no summary']);
    expect(openApiProblems(doc({ tags: [] }))).toContain('PUT /api/v1/items/{itemId}/marks: no tag');
  });

  it('wants <Tag>_<handlerName> operation ids, unique, with names that are unique too', () => {
    expect(openApiProblems(doc({ operationId: 'ScoringController.submit' }))[0]).toMatch(/is not <Tag>_<handlerName>/);
    expect(openApiProblems(doc({ operationId: 'Results_submitMark' }))[0]).toMatch(/does not start with its tag "Scoring"/);
    const other = { get: { summary: 'Read a sheet', tags: ['results'], operationId: 'Results_submitMark', responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } } };
    expect(openApiProblems(doc({}, { '/x': other }))).toEqual(['GET /x: operationId name "submitMark" is also used by PUT /api/v1/items/{itemId}/marks']);
  });

  it('wants a success answer with a schema, or a 204', () => {
    const responses = (r: Record<string, unknown>) => ({ ...(doc().paths['/api/v1/items/{itemId}/marks'].put.responses as object), ...r });
    const without200 = (r: Record<string, unknown>) => {
      const all = responses(r) as Record<string, unknown>;
      delete all['200'];
      return all;
    };
    expect(openApiProblems(doc({ responses: without200({}) }))).toEqual(['PUT /api/v1/items/{itemId}/marks: no success (2xx) response']);
    expect(openApiProblems(doc({ responses: responses({ '200': { description: 'ok' } }) }))).toEqual([
      'PUT /api/v1/items/{itemId}/marks: 200 declares no body; an empty answer is a 204',
    ]);
    expect(openApiProblems(doc({ responses: without200({ '204': { description: 'done' } }) }))).toEqual([]);
    expect(openApiProblems(doc({ responses: responses({ '200': { content: { 'application/json': {} } } }) }))).toEqual([
      'PUT /api/v1/items/{itemId}/marks: 200 application/json has no schema',
    ]);
    expect(openApiProblems(doc({ responses: responses({ '200': { content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } }) }))).toEqual([]);
  });

  it('wants ErrorBody on every 4xx, and the refusals that follow from the operation', () => {
    const responses = doc().paths['/api/v1/items/{itemId}/marks'].put.responses as Record<string, unknown>;
    expect(openApiProblems(doc({ responses: { ...responses, '409': { description: 'stale' } } }))).toEqual([
      'PUT /api/v1/items/{itemId}/marks: 409 is not answered with ErrorBody',
    ]);
    for (const status of ['400', '401', '403', '404', '413']) {
      const fewer = { ...responses };
      delete fewer[status];
      expect(openApiProblems(doc({ responses: fewer }))).toEqual([expect.stringContaining(`no ${status} response`)]);
    }
  });

  it('wants no 400 where nothing is checked: a free-text path segment alone', () => {
    const verify = {
      summary: 'Verify a certificate',
      tags: ['awards'],
      operationId: 'Awards_verifyCertificate',
      parameters: [{ in: 'path', name: 'code', schema: { type: 'string' } }],
      responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/VerificationDto' } } } }, '404': error },
    };
    expect(openApiProblems(doc({}, { '/api/v1/verify/{code}': { get: verify } }))).toEqual([]);
    const byId = { ...verify, parameters: [{ in: 'path', name: 'id', schema: { type: 'number' } }] };
    expect(openApiProblems(doc({}, { '/api/v1/verify/{id}': { get: byId } }))).toEqual([expect.stringContaining('no 400 response')]);
  });

  it('wants every property of a schema to have a shape a client can type', () => {
    const withSchemas = (schemas: Record<string, unknown>) => ({ ...doc(), components: { schemas: { ErrorBody: {}, ...schemas } } }) as OpenApiDocument;
    const dto = (property: object) => ({ SheetDto: { type: 'object', properties: { value: property } } });
    expect(openApiProblems(withSchemas(dto({ type: 'object' })))).toEqual([
      'schema SheetDto.value is an object of no known shape: give its type, its properties, or additionalProperties',
    ]);
    expect(openApiProblems(withSchemas(dto({ type: 'array', items: { type: 'object' } })))).toHaveLength(1);
    for (const fine of [{ type: 'number', nullable: true }, { type: 'object', additionalProperties: true }, { $ref: '#/components/schemas/X' }, { type: 'object', properties: {} }]) {
      expect(openApiProblems(withSchemas(dto(fine)))).toEqual([]);
    }
  });

  it('spells tags in PascalCase', () => {
    expect(pascalCase('scoring')).toBe('Scoring');
    expect(pascalCase('award-records')).toBe('AwardRecords');
  });
});
