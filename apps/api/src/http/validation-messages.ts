import type { Language } from './language';

/** A field that failed one class-validator constraint, with what the message needs in either language. */
export interface FieldProblem {
  field: string;
  /** class-validator's constraint name: isInt, isLength, whitelistValidation… */
  constraint: string;
  /** The constraint's arguments as the DTO declared them (lengths, bounds, allowed values). */
  args: unknown[];
  /** A message the DTO itself wrote (in Chinese), when it gave one. */
  custom?: string;
  /** class-validator's own message (English), used in English when there is no template. */
  original: string;
}

type Template = (field: string, args: unknown[]) => string;

const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));

const ZH: Record<string, Template> = {
  isInt: (f) => `${f} 必须是整数`,
  isPositive: (f) => `${f} 必须是正数`,
  isNumber: (f) => `${f} 必须是数字`,
  isNumberString: (f) => `${f} 必须是由数字组成的字符串`,
  isString: (f) => `${f} 必须是字符串`,
  isBoolean: (f) => `${f} 必须是 true 或 false`,
  isIn: (f, a) => `${f} 必须是以下之一：${list(a[0])}`,
  isEnum: (f, a) => `${f} 必须是以下之一：${list(Object.values(a[0] as object))}`,
  min: (f, a) => `${f} 不能小于 ${String(a[0])}`,
  max: (f, a) => `${f} 不能大于 ${String(a[0])}`,
  isLength: (f, a) => (a[1] === undefined ? `${f} 至少 ${String(a[0])} 个字符` : `${f} 的长度须为 ${String(a[0])}–${String(a[1])} 个字符`),
  minLength: (f, a) => `${f} 至少 ${String(a[0])} 个字符`,
  maxLength: (f, a) => `${f} 最多 ${String(a[0])} 个字符`,
  matches: (f) => `${f} 的格式不正确`,
  isArray: (f) => `${f} 必须是数组`,
  arrayMinSize: (f, a) => `${f} 至少需要 ${String(a[0])} 项`,
  arrayMaxSize: (f, a) => `${f} 最多 ${String(a[0])} 项`,
  arrayUnique: (f) => `${f} 中不能有重复项`,
  isObject: (f) => `${f} 必须是对象`,
  isDate: (f) => `${f} 必须是日期时间`,
  isDateString: (f) => `${f} 必须是 ISO 8601 日期时间（如 2026-05-01T09:00:00+08:00）`,
  isIso8601: (f) => `${f} 必须是 ISO 8601 日期时间（如 2026-05-01T09:00:00+08:00）`,
  isEmail: (f) => `${f} 必须是有效的电子邮件地址`,
  isBase64: (f) => `${f} 必须是 Base64 编码的内容`,
  isDefined: (f) => `${f} 为必填项`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isMark: (f) => `${f} 必须是成绩文本（如 "92.5"、"1:02.35"、"DNF"）或十进制数字（如 92.5，至多 15 位有效数字，不用指数形式）`,
  whitelistValidation: (f) => `不接受字段 ${f}`,
  nestedValidation: (f) => `${f} 必须是对象或对象数组`,
};

const EN: Record<string, Template> = {
  isInt: (f) => `${f} must be an integer`,
  isPositive: (f) => `${f} must be a positive number`,
  isNumber: (f) => `${f} must be a number`,
  isNumberString: (f) => `${f} must be a string of digits`,
  isString: (f) => `${f} must be a string`,
  isBoolean: (f) => `${f} must be true or false`,
  isIn: (f, a) => `${f} must be one of: ${list(a[0])}`,
  isEnum: (f, a) => `${f} must be one of: ${list(Object.values(a[0] as object))}`,
  min: (f, a) => `${f} must not be less than ${String(a[0])}`,
  max: (f, a) => `${f} must not be greater than ${String(a[0])}`,
  isLength: (f, a) =>
    a[1] === undefined ? `${f} must be at least ${String(a[0])} characters long` : `${f} must be ${String(a[0])} to ${String(a[1])} characters long`,
  minLength: (f, a) => `${f} must be at least ${String(a[0])} characters long`,
  maxLength: (f, a) => `${f} must be at most ${String(a[0])} characters long`,
  matches: (f) => `${f} is not in the expected format`,
  isArray: (f) => `${f} must be an array`,
  arrayMinSize: (f, a) => `${f} must have at least ${String(a[0])} items`,
  arrayMaxSize: (f, a) => `${f} must have at most ${String(a[0])} items`,
  arrayUnique: (f) => `${f} must not repeat an item`,
  isObject: (f) => `${f} must be an object`,
  isDate: (f) => `${f} must be a date and time`,
  isDateString: (f) => `${f} must be an ISO 8601 date and time (e.g. 2026-05-01T09:00:00+08:00)`,
  isIso8601: (f) => `${f} must be an ISO 8601 date and time (e.g. 2026-05-01T09:00:00+08:00)`,
  isEmail: (f) => `${f} must be a valid e-mail address`,
  isBase64: (f) => `${f} must be Base64-encoded`,
  isDefined: (f) => `${f} is required`,
  isNotEmpty: (f) => `${f} must not be empty`,
  isMark: (f) => `${f} must be a mark as text (e.g. "92.5", "1:02.35", "DNF") or a decimal number (e.g. 92.5; at most 15 significant digits, no exponent)`,
  whitelistValidation: (f) => `field ${f} is not accepted`,
  nestedValidation: (f) => `${f} must be an object or an array of objects`,
};

const CODES: Record<string, string> = { whitelistValidation: 'UNKNOWN_FIELD', nestedValidation: 'NOT_AN_OBJECT', isIso8601: 'IS_ISO8601' };

/** The detail code of a constraint: `isInt` → `IS_INT`, an unknown field → `UNKNOWN_FIELD`. */
export function constraintCode(constraint: string): string {
  return CODES[constraint] ?? constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The message for one problem in one language: the DTO's own words in Chinese, else the template, else class-validator's. */
export function problemMessage(p: FieldProblem, language: Language): string {
  if (language === 'zh-CN') return p.custom ?? ZH[p.constraint]?.(p.field, p.args) ?? `${p.field} 的值无效`;
  return EN[p.constraint]?.(p.field, p.args) ?? (p.custom ? `${p.field} is invalid` : p.original);
}

export function validationSummary(problems: FieldProblem[], language: Language): string {
  const lines = problems.map((p) => problemMessage(p, language)).join(language === 'en' ? '; ' : '；');
  return language === 'en' ? `Invalid request: ${lines}` : `请求参数无效：${lines}`;
}
