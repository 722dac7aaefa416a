/**
 * What the OpenAPI document must say of every operation for a generated client (openapi-typescript +
 * openapi-fetch) to be usable without reading our code: a summary, a tag, a readable operation id,
 * the success answer's shape, and every refusal in the one error shape.
 */

interface Schema {
  $ref?: string;
  [key: string]: unknown;
}
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}
export interface OpenApiOperation {
  summary?: string;
  tags?: string[];
  operationId?: string;
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, Response>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
export const ERROR_SCHEMA = '#/components/schemas/ErrorBody';

/** `Scoring_submitMark`: the tag in PascalCase, then the handler's name in camelCase. */
const OPERATION_ID = /^[A-Z][A-Za-z]*_[a-z][A-Za-z0-9]*$/;

/** Answers that carry no body by definition. */
const EMPTY = new Set(['204', '205']);

export const pascalCase = (tag: string) => tag.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/**
 * Whether a caller can send this operation something it refuses as malformed: a body, a query, or
 * an id in the path (ParseIdPipe; a free-text path segment such as a verification code is not checked).
 */
export const takesCheckedInput = (op: OpenApiOperation): boolean =>
  !!op.requestBody || (op.parameters ?? []).some((p) => p.in !== 'path' || p.schema?.type !== 'string');

const isEmptySchema = (s: Schema | undefined) => !s || Object.keys(s).length === 0;

/** An object that says nothing of its shape: a generated client types it `Record<string, never>`, where nothing fits. */
const isShapeless = (s: Schema | undefined) =>
  !!s && s.type === 'object' && !s.properties && s.additionalProperties === undefined && !s.$ref && !s.allOf && !s.oneOf && !s.anyOf;

/** Properties of the document's schemas whose shape a client cannot know (a `number | null` the DTO gave no type, a free-form object). */
function shapelessProperties(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries((doc.components?.schemas ?? {}) as Record<string, Schema>)) {
    for (const [property, s] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      if (isShapeless(s) || (s.type === 'array' && isShapeless(s.items as Schema))) {
        problems.push(`schema ${name}.${property} is an object of no known shape: give its type, its properties, or additionalProperties`);
      }
    }
  }
  return problems;
}

/** Every way the document falls short, one line per problem naming the operation; empty when complete. */
export function openApiProblems(doc: OpenApiDocument): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const say = (problem: string) => problems.push(`${where}: ${problem}`);

      if (!op.summary?.trim()) say('no summary');
      const tag = op.tags?.[0];
      if (!tag) say('no tag');

      const id = op.operationId ?? '';
      if (!OPERATION_ID.test(id)) say(`operationId "${id}" is not <Tag>_<handlerName>`);
      else {
        const [prefix, name] = id.split('_');
        if (tag && prefix !== pascalCase(tag)) say(`operationId "${id}" does not start with its tag "${pascalCase(tag)}"`);
        // A name used twice, even under two tags, says too little about what it acts on (getEvent, not get).
        if (names.has(name)) say(`operationId name "${name}" is also used by ${names.get(name)}`);
        names.set(name, where);
      }
      if (ids.has(id)) say(`operationId "${id}" is also used by ${ids.get(id)}`);
      ids.set(id, where);

      const responses = op.responses ?? {};
      const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
      if (!success.length) say('no success (2xx) response');
      for (const status of success) {
        const content = responses[status].content;
        if (!content || !Object.keys(content).length) {
          if (!EMPTY.has(status)) say(`${status} declares no body; an empty answer is a 204`);
          continue;
        }
        for (const [type, media] of Object.entries(content)) if (isEmptySchema(media.schema)) say(`${status} ${type} has no schema`);
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        const ref = response.content?.['application/json']?.schema?.$ref;
        if (ref !== ERROR_SCHEMA) say(`${status} is not answered with ErrorBody`);
      }

      const expect = (status: string, why: string) => {
        if (!responses[status]) say(`no ${status} response (${why})`);
      };
      const params = op.parameters ?? [];
      if (takesCheckedInput(op)) expect('400', 'it takes input that can be invalid');
      if (params.some((p) => p.in === 'path')) expect('404', 'its path names a thing that may not exist');
      if (op.requestBody) expect('413', 'it takes a body, which has a size limit');
      if (op.security?.length) {
        expect('401', 'it needs a token');
        expect('403', 'it needs a role');
      }
    }
  }
  if (!doc.components?.schemas?.ErrorBody) problems.push('components.schemas.ErrorBody is missing');
  return [...problems, ...shapelessProperties(doc)];
}
