import { applyDecorators } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ErrorBody } from './error-body';
import { pascalCase } from './openapi-rules';

/**
 * What generated clients call an operation: `<Tag>_<name>`, the name being the handler's unless
 * @Operation gives one. Filled as the controllers are declared; read by the operationIdFactory,
 * which Nest hands only the class and method names.
 */
const tags = new Map<string, string>();
const names = new Map<string, string>();

/** The controller's tag in the document; its operations' ids start with it (`scoring` → `Scoring_…`). */
export const Tag = (tag: string): ClassDecorator =>
  ((target: { name: string }) => {
    tags.set(target.name, tag);
    ApiTags(tag)(target as never);
  }) as ClassDecorator;

/**
 * The operation's one-line summary, and the name clients call it by when the handler's own name
 * would not say what it acts on (`submitMark`, not `submit`).
 */
export const Operation = (summary: string, options: { name?: string; description?: string } = {}): MethodDecorator =>
  (target, key, descriptor) => {
    if (options.name) names.set(`${target.constructor.name}.${String(key)}`, options.name);
    ApiOperation({ summary, ...(options.description && { description: options.description }) })(target, key, descriptor);
  };

export function operationId(controller: string, method: string): string {
  const tag = tags.get(controller);
  return `${tag ? pascalCase(tag) : controller.replace(/Controller$/, '')}_${names.get(`${controller}.${method}`) ?? method}`;
}

type Refusal = 404 | 409 | 422 | 429;

/**
 * Refusals that depend on the operation, each with when it happens, answered in ErrorBody:
 * `@Refuses({ 404: 'no such item', 409: 'the sheet changed since (details: currentVersion)' })`.
 * 400 (bad input) and 413 (body too large) are added to every operation that takes input, and
 * 401/403 come with @Allow, so they are not repeated here.
 */
export const Refuses = (when: Partial<Record<Refusal, string>>) =>
  applyDecorators(...Object.entries(when).map(([status, description]) => ApiResponse({ status: Number(status), type: ErrorBody, description })));

/** A file download: the body is the file itself, in one of these types. */
export const FileResponse = (description: string, ...types: string[]) =>
  ApiOkResponse({ description, content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) });

/** Success without a body. */
export const EmptyResponse = (description: string) => ApiNoContentResponse({ description });
