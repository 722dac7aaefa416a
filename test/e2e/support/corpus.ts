import type { Type } from '@nestjs/common';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { getMetadataStorage } from 'class-validator';
import type { Operation } from './routes';

/** A DTO property as its class-validator metadata declares it: the source the OpenAPI document uses too. */
export interface Field {
  name: string;
  optional: boolean;
  /** `null` is allowed (IsOptional); a field that is only omittable refuses it. */
  nullable: boolean;
  constraints: Map<string, unknown[]>;
  each: boolean;
  nested?: Type;
}

export function fieldsOf(dto: Type): Field[] {
  const byName = new Map<string, Field>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const field: Field = byName.get(m.propertyName) ?? { name: m.propertyName, optional: false, nullable: false, constraints: new Map(), each: false };
    byName.set(m.propertyName, field);
    if (m.type === 'conditionalValidation') {
      field.optional = true;
      if (m.name === 'isOptional') field.nullable = true;
    } else if (m.type === 'nestedValidation') {
      field.nested = defaultMetadataStorage.findTypeMetadata(dto, m.propertyName)?.typeFunction() as Type | undefined;
      field.each ||= !!m.each;
    } else if (m.name) {
      field.constraints.set(m.name, m.constraints ?? []);
      field.each ||= !!m.each;
    }
  }
  return [...byName.values()];
}

const has = (f: Field, ...names: string[]) => names.some((n) => f.constraints.has(n));
const isText = (f: Field) => has(f, 'isString', 'matches', 'isLength', 'maxLength', 'minLength', 'isEmail', 'isBase64', 'isNumberString', 'isIso8601', 'isDateString');
const isNumber = (f: Field) => has(f, 'isInt', 'isNumber', 'isPositive', 'min', 'max');

/** A value the field would likely take, so that one mutated field is what a request is refused for. */
function plausible(f: Field, depth = 0): unknown {
  const one = (): unknown => {
    if (f.nested) return depth < 3 ? plausibleBody(f.nested, depth + 1) : {};
    const allowed = f.constraints.get('isIn')?.[0];
    if (Array.isArray(allowed)) return allowed[0];
    if (has(f, 'isBoolean')) return true;
    if (has(f, 'isIso8601', 'isDateString')) return '2026-05-01';
    if (has(f, 'isDate')) return '2026-05-01T09:00:00+08:00';
    if (has(f, 'isEmail')) return 'wangfang@example.com';
    if (has(f, 'isNumberString')) return '1';
    if (has(f, 'isBase64')) return 'aGVsbG8=';
    if (isNumber(f)) return Math.max(1, Number(f.constraints.get('min')?.[0] ?? 1));
    if (has(f, 'isObject')) return {};
    if (isText(f)) return '测'.repeat(Math.max(1, Number(f.constraints.get('isLength')?.[0] ?? f.constraints.get('minLength')?.[0] ?? 1)));
    return 1;
  };
  if (f.each || has(f, 'isArray')) return Array.from({ length: Math.max(1, Number(f.constraints.get('arrayMinSize')?.[0] ?? 1)) }, one);
  return one();
}

export function plausibleBody(dto: Type, depth = 0): Record<string, unknown> {
  return Object.fromEntries(fieldsOf(dto).filter((f) => !f.optional).map((f) => [f.name, plausible(f, depth)]));
}

/** A value of the wrong JSON type for the field. */
function wrongType(f: Field): unknown {
  if (f.nested || has(f, 'isArray', 'isObject')) return '不是对象';
  if (has(f, 'isBoolean')) return '是';
  if (isNumber(f)) return '十二';
  if (isText(f)) return 12345;
  if (has(f, 'isIn')) return '不存在的选项';
  return { unexpected: true };
}

export interface Case {
  name: string;
  /** Path parameters replaced for this case. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON body, or `raw` text sent as it is. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  /**
   * Well-formed input the operation may take (null where the DTO declares it nullable): only "no 5xx" is
   * asserted, and these run after the database check, since taking them changes things.
   */
  mayPass?: boolean;
}

export const BAD_IDS = ['0x1', '1e2', '01', '+1', '-1', '0', 'abc', '1.5', '99999999999999999999'];

const deep = (levels: number, open: string, close: string) => open.repeat(levels) + '1' + close.repeat(levels);

function fieldCases(where: string, base: Record<string, unknown>, fields: Field[], wrap: (v: Record<string, unknown>) => unknown, depth: number): Case[] {
  const cases: Case[] = [];
  for (const f of fields) {
    const path = `${where}${f.name}`;
    const put = (value: unknown) => wrap({ ...base, [f.name]: value });
    cases.push({ name: `${path} = null`, body: put(null), mayPass: f.nullable });
    cases.push({ name: `${path} of the wrong type`, body: put(wrongType(f)) });
    if (isText(f) && !f.each) cases.push({ name: `${path} of 100,000 characters`, body: put('长'.repeat(100_000)) });
    if (f.nested && depth < 2) {
      const inner = plausibleBody(f.nested, depth + 1);
      const inWrap = (v: Record<string, unknown>) => put(f.each || has(f, 'isArray') ? [v] : v);
      cases.push(...fieldCases(`${path}${f.each ? '[0]' : ''}.`, inner, fieldsOf(f.nested), inWrap, depth + 1));
      cases.push({ name: `${path} with an unknown field`, body: inWrap({ ...inner, 未知字段: 1 }) });
    }
  }
  return cases;
}

/** Every refused request the corpus sends to one operation, from its route and DTO metadata alone. */
export function casesFor(op: Operation): Case[] {
  const cases: Case[] = [];
  for (const p of op.idParams) {
    for (const bad of BAD_IDS) cases.push(op.params.includes(p) ? { name: `${p} = ${bad}`, params: { [p]: bad } } : { name: `?${p}=${bad}`, query: { [p]: bad } });
    if (op.params.includes(p)) cases.push({ name: `${p} of nothing`, params: { [p]: '999999999' } });
  }
  if (op.query) {
    for (const f of fieldsOf(op.query)) cases.push({ name: `?${f.name} of the wrong type`, query: { [f.name]: has(f, 'isString', 'matches') && !isNumber(f) ? '' : '不是数字' } });
    cases.push({ name: 'an unknown query parameter', query: { 未知参数: '1' } });
  }
  if (op.rawBody) {
    cases.push({ name: 'a body of another content type', raw: 'hello', contentType: 'text/plain' });
    cases.push({ name: 'a JSON body', raw: '{}', contentType: 'application/json' });
  }
  if (!op.body) return cases;
  const fields = fieldsOf(op.body);
  const base = plausibleBody(op.body);
  // Nested inside a field the DTO has, so that what parses it next is class-transformer, which recurses per level.
  const inField = (text: string) => `{${JSON.stringify(fields[0]?.name ?? 'a')}:${text}}`;
  cases.push(
    { name: 'malformed JSON', raw: '{"name": "运河毅行", ', contentType: 'application/json' },
    { name: 'objects nested 100 deep', raw: inField(deep(100, '{"a":', '}')), contentType: 'application/json' },
    { name: 'arrays nested 20,000 deep', raw: inField(deep(20_000, '[', ']')), contentType: 'application/json' },
    { name: 'a body nested 20,000 deep', raw: deep(20_000, '[', ']'), contentType: 'application/json' },
    { name: 'a body of null', raw: 'null', contentType: 'application/json' },
    { name: 'a body that is an array', raw: '[]', contentType: 'application/json' },
    { name: 'a body that is a string', raw: '"运河"', contentType: 'application/json' },
    { name: 'a body of another content type', raw: JSON.stringify(base), contentType: 'text/plain' },
    { name: 'an unknown field', body: { ...base, 未知字段: 1 } },
  );
  if (fields.some((f) => !f.optional)) cases.push({ name: 'an empty object', body: {} });
  cases.push(...fieldCases('', base, fields, (v) => v, 0));
  return cases;
}
