import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * Which lib owns which table, and where a lib's SQL names a table another lib owns. A table's owner
 * is the lib whose entity declares it (`@Entity('name')`). The read-side module may read across.
 */
export const READ_SIDE_LIB = 'reporting';

export interface ForeignTable {
  /** Relative to the project root, with forward slashes. */
  file: string;
  line: number;
  table: string;
  owner: string;
}

const ENTITY = /@Entity\((?:\{\s*name:\s*)?['"]([a-z_0-9]+)['"]/g;
const CREATE_TABLE = /CREATE TABLE (?:IF NOT EXISTS )?\\?`?([a-z_0-9]+)/gi;
// A table after the keywords that name one; DELETE FROM and INSERT INTO are covered by FROM and INTO.
const NAMES_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE)\s+\\?`?([a-z_0-9]+)`?/gi;
const MIGRATIONS = /\/migrations?\//;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

export function libFiles(root: string): Map<string, string[]> {
  const libsDir = join(root, 'libs');
  const libs = readdirSync(libsDir).filter((name) => statSync(join(libsDir, name)).isDirectory());
  return new Map(libs.map((lib) => [lib, tsFiles(join(libsDir, lib))]));
}

/** table → the lib whose entity declares it. */
export function tableOwners(files: Map<string, string[]>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [lib, paths] of files)
    for (const path of paths) for (const m of readFileSync(path, 'utf8').matchAll(ENTITY)) owners.set(m[1], lib);
  return owners;
}

/** Tables the committed migrations create. */
export function migrationTables(files: Map<string, string[]>): Set<string> {
  const tables = new Set<string>();
  for (const paths of files.values())
    for (const path of paths.filter((p) => MIGRATIONS.test(p))) for (const m of readFileSync(path, 'utf8').matchAll(CREATE_TABLE)) tables.add(m[1]);
  return tables;
}

/** [start, end) of every string and template literal: SQL lives there, not in comments or names. */
function literalRanges(path: string, text: string): [number, number][] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ranges: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      ranges.push([node.getStart(source), node.getEnd()]);
      return;
    }
    node.forEachChild(visit);
  };
  visit(source);
  return ranges;
}

/** Every place a lib's SQL (outside its migrations and specs) names a table another lib owns. */
export function foreignTables(root: string): ForeignTable[] {
  const files = libFiles(root);
  const owners = tableOwners(files);
  const found: ForeignTable[] = [];
  for (const [lib, paths] of files) {
    if (lib === READ_SIDE_LIB) continue;
    for (const path of paths.filter((p) => !MIGRATIONS.test(p))) {
      const text = readFileSync(path, 'utf8');
      const ranges = literalRanges(path, text);
      for (const m of text.matchAll(NAMES_TABLE)) {
        const owner = owners.get(m[1]);
        if (!owner || owner === lib) continue;
        if (!ranges.some(([start, end]) => m.index >= start && m.index < end)) continue;
        const line = text.slice(0, m.index).split('\n').length;
        found.push({ file: relative(root, path).split(sep).join('/'), line, table: m[1], owner });
      }
    }
  }
  return found;
}
