// Lint rules that guard the architecture (electron only in main/preload, IPC only in the two binders) and React's
// rules of hooks in the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import coreLayers from './eslint-rules/core-layers.mjs';

// zod's named `z` export is a namespace object bundlers cannot tree-shake: it drags every zod locale into the CLI
// bundle and costs its start-up (bench cli-startup). `import * as z from 'zod'` is the same API, tree-shaken.
const zodNamespace = {
  selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod'` (the named z export defeats tree-shaking and slows the CLI's start-up).",
};

const noElectron = {
  paths: [
    {
      name: 'electron',
      message:
        'Core, CLI, bridge and renderer never import electron (docs/decisions.md D2): inject what you need from src/main.',
    },
  ],
  patterns: [{ group: ['electron/*'], message: 'electron is importable only in src/main and src/preload.' }],
};

const ipcOnlyInBinder = (where) => ({
  paths: [
    {
      name: 'electron',
      importNames: ['ipcMain', 'ipcRenderer'],
      message: `ipcMain/ipcRenderer are used only by the one IPC binder (${where}).`,
    },
  ],
});

// The CLI is a door: it reaches the core only through the contract, the log and the App service (as a type); the
// one composition file (src/cli/service.ts) builds the service from default-deps.
const cliCoreMessage =
  'src/cli translates only: call the App service (ctx.deps.app()) with a contract channel; import from core only the contract, the log and the AppService type.';
const cliDoorOnly = {
  paths: noElectron.paths,
  patterns: [
    ...noElectron.patterns,
    { regex: '(^|/)core/(?!contract(/|$)|log(/|$)|app/app-service$)', message: cliCoreMessage },
    { regex: '(^|/)core/app/app-service$', allowTypeImports: true, message: cliCoreMessage },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noElectron],
      'no-restricted-syntax': ['error', zodNamespace],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { ups: { rules: { layers: coreLayers } } },
    rules: { 'ups/layers': 'error' },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/ipc-binder.ts'],
    rules: { 'no-restricted-imports': ['error', ipcOnlyInBinder('src/main/ipc-binder.ts')] },
  },
  {
    files: ['src/main/ipc-binder.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/preload/**/*.ts'],
    ignores: ['src/preload/preload.ts'],
    rules: { 'no-restricted-imports': ['error', ipcOnlyInBinder('src/preload/preload.ts')] },
  },
  {
    files: ['src/preload/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/service.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', cliDoorOnly] },
  },
  {
    files: ['src/cli/service.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    // The rules of hooks, exhaustive deps and the React Compiler's checks (effects, refs, purity) for every component.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Type-aware rules for the core (promises, unsafe any, unnecessary conditions): the core is where a forgotten
    // await or an `any` from JSON silently loses a write or a check. Tests are exempt: they poke at shapes on purpose.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Capabilities are plain objects of closures, never classes reading `this`: passing `deps.vault.get` around is
      // safe here, and the rule cannot tell a closure from a method.
      '@typescript-eslint/unbound-method': 'off',
      // Handlers are async so a synchronous throw becomes a rejected promise the App service turns into an envelope.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests mock electron at its edge; they may name it.
    files: ['src/main/**/*.test.ts', 'src/preload/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
