// The project's import rules, checked by test/architecture/dependencies.spec.ts as part of `npm test`
// (by hand: npx depcruise apps libs config composition scripts test).
//
// Levels, bottom to top: config/ (settings only) → libs/common, libs/database (helpers) → the
// context libs → composition/ (the entity list and data source that wire the contexts together)
// → apps/, scripts/, test/. A lib is used through its index.ts (`@app/<lib>`), never its files.
const CODE = '^(apps|libs|config|composition|scripts|test)/';
const LIB_FILE_NOT_INDEX = { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' };
const SPEC = '\\.spec\\.ts$';
// What a test (a suite under test/, or a spec beside its code) may import from a lib directly, to
// check it without loading the lib's modules: its pure rules and the roster file reader.
const PURE_PARTS = ['^libs/[^/]+/src/domain/', '^libs/registration/src/spreadsheet/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between files: split the shared part into a file both import.',
      from: { path: CODE },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the cruise cannot resolve would escape every other rule (an alias it does not know, say).',
      from: { path: CODE },
      to: { couldNotResolve: true },
    },
    {
      name: 'lib-through-index-from-lib',
      severity: 'error',
      comment: 'Another lib reached into this one: import @app/<lib> and export what is needed from its index.ts.',
      from: { path: '^libs/([^/]+)/', pathNot: SPEC },
      to: { ...LIB_FILE_NOT_INDEX, pathNot: [LIB_FILE_NOT_INDEX.pathNot, '^libs/$1/'] },
    },
    {
      name: 'lib-through-index',
      severity: 'error',
      comment: 'Apps, scripts and the composition use a lib through @app/<lib> (its index.ts) only.',
      from: { path: '^(apps|config|composition|scripts)/', pathNot: SPEC },
      to: LIB_FILE_NOT_INDEX,
    },
    {
      name: 'tests-reach-only-pure-parts',
      severity: 'error',
      comment: "A test may import another lib's pure rules (domain/) and the roster file reader directly; anything else through @app/<lib>.",
      from: { path: ['^test/', '^(apps|config|composition|scripts)/.*' + SPEC] },
      to: { ...LIB_FILE_NOT_INDEX, pathNot: [LIB_FILE_NOT_INDEX.pathNot, ...PURE_PARTS] },
    },
    {
      name: 'tests-of-a-lib-stay-in-it',
      severity: 'error',
      comment: "A spec beside a lib's code reaches its own lib's files, and other libs only as the rule above allows.",
      from: { path: '^libs/([^/]+)/.*' + SPEC },
      to: { ...LIB_FILE_NOT_INDEX, pathNot: [LIB_FILE_NOT_INDEX.pathNot, '^libs/$1/', ...PURE_PARTS] },
    },
    {
      name: 'composition-through-index',
      severity: 'error',
      comment: 'The composition is used through @app/composition (composition/index.ts).',
      from: { pathNot: '^composition/' },
      to: { path: '^composition/', pathNot: '^composition/index\\.ts$' },
    },
    {
      name: 'config-through-index',
      severity: 'error',
      comment:
        'Configuration is used through @app/config. The e2e process helpers are the exception: the global ' +
        'setup loads them without the test runner\'s alias mapping.',
      from: { pathNot: ['^config/', '^test/e2e/support/processes\\.ts$'] },
      to: { path: '^config/', pathNot: '^config/index\\.ts$' },
    },
    {
      name: 'lib-imports-no-app',
      severity: 'error',
      comment: 'Libs sit below the apps, the scripts, the tests and the composition (a spec may use the shared test helpers in test/support/).',
      from: { path: '^libs/' },
      to: { path: '^(apps|scripts|test|composition)/', pathNot: '^test/support/' },
    },
    {
      name: 'lib-code-imports-no-test',
      severity: 'error',
      comment: "A lib's code (not its specs) does not import test helpers.",
      from: { path: '^libs/', pathNot: SPEC },
      to: { path: '^test/' },
    },
    {
      name: 'config-imports-no-lib',
      severity: 'error',
      comment: 'config/ holds configuration only: every lib imports it, so it imports none.',
      from: { path: '^config/' },
      to: { path: '^(libs|composition|apps|scripts|test)/' },
    },
    {
      name: 'foundation-imports-no-context',
      severity: 'error',
      comment: 'libs/common and libs/database serve every context and know none (the entity list lives in composition/).',
      from: { path: '^libs/(common|database)/' },
      to: { path: '^libs/', pathNot: '^libs/(common|database)/' },
    },
    {
      name: 'common-imports-no-lib',
      severity: 'error',
      comment: 'libs/common is the bottom lib.',
      from: { path: '^libs/common/' },
      to: { path: '^libs/', pathNot: '^libs/common/' },
    },
  ],
  options: {
    exclude: { path: '(^|/)(node_modules|dist)/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types is still two files that cannot be read apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.d.ts', '.js', '.json'] },
    skipAnalysisNotInRules: true,
  },
};
