// ESLint flat config: the Office.js rules from eslint-plugin-office-addins over src/.
// Type checking is `npm run typecheck` (tsc); this only adds what tsc cannot see: Office.js
// proxies read before load + sync, and context.sync() inside loops.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

module.exports = [
  { ignores: ["dist/**", "lib/**", "coverage/**", "test-results/**", "node_modules/**"] },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
    },
  },
  {
    // ExcelJS, used by the xlsx host, has getCell/getRow/getColumn/getWorksheet like the Office.js
    // proxies; the two read rules would take its plain objects for unloaded Office objects.
    files: ["src/hosts/xlsx/**"],
    rules: {
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-before-read": "off",
    },
  },
];
