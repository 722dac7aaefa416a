// Runs the import rules of .dependency-cruiser.cjs through dependency-cruiser's API and prints the
// outcome as one JSON object. A separate process because the package is ES modules only, which
// Jest's CommonJS runtime cannot load; dependencies.spec.ts runs it and reads the answer.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOTS = ['apps', 'libs', 'config', 'composition', 'scripts', 'test'];

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(ROOTS, options, {}, { tsConfig: extractTSConfig('tsconfig.json') });
const { summary, modules } = typeof output === 'string' ? JSON.parse(output) : output;
// How many imports of `@app/<lib>` were followed to a lib's index.ts: none would mean the aliases
// went unresolved and the rules about libs checked nothing.
const throughIndex = modules.flatMap((m) => m.dependencies).filter((d) => /^libs\/[^/]+\/src\/index\.ts$/.test(d.resolved)).length;
process.stdout.write(
  JSON.stringify({
    modules: summary.totalCruised,
    dependencies: summary.totalDependenciesCruised,
    throughIndex,
    violations: summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to, cycle: v.cycle?.map((c) => c.name) })),
  }),
);
