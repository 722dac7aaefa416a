import { type TemplateText, TRIGGERS, type Trigger, type Vars } from './triggers';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
export const TITLE_MAX = 200;
export const BODY_MAX = 2000;

export interface TemplateProblem {
  field: 'title' | 'body';
  message: string;
}

/** The variable names a text uses, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * Checked when a template is saved, so a typo never reaches 20,000 inboxes as
 * a literal `{{evnt}}`: every placeholder must be one the trigger supplies, and
 * braces that do not form a placeholder are refused.
 */
export function checkTemplate(trigger: Trigger, text: TemplateText): TemplateProblem[] {
  const allowed: readonly string[] = TRIGGERS[trigger].vars;
  const problems: TemplateProblem[] = [];
  for (const field of ['title', 'body'] as const) {
    const value = text[field];
    const max = field === 'title' ? TITLE_MAX : BODY_MAX;
    if (!value.trim()) problems.push({ field, message: `${field} 不能为空` });
    if (value.length > max) problems.push({ field, message: `${field} 最长 ${max} 个字符` });
    for (const name of placeholders(value)) {
      if (!allowed.includes(name)) problems.push({ field, message: `${field} 使用了未知变量 {{${name}}}；可用变量：${allowed.join(', ')}` });
    }
    if (/\{\{|\}\}/.test(value.replace(PLACEHOLDER, ''))) problems.push({ field, message: `${field} 含有不完整的占位符（应为 {{变量名}}）` });
  }
  return problems;
}

/** Fills a checked text; a variable the happening left empty shows as "—", never as a raw placeholder. */
export function render(text: string, vars: Vars): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars[name];
    return value === undefined || value === null || value === '' ? '—' : String(value);
  });
}
