import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "dist-single", "node_modules", "test-results", "playwright-report", "e2e/.tmp"] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ["**/*.{ts,tsx}"],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The core is pure TypeScript over WebCrypto: no React, no DOM, no store.
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts", "src/core/testing/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["react", "react-dom", "zustand", "@/store/*", "@/features/*", "@/ui/*", "node:*"] }],
      "no-restricted-globals": ["error", "document", "window", "localStorage", "sessionStorage"],
    },
  },
  {
    // Features do not import each other; the app composes them.
    files: ["src/features/**/*.{ts,tsx}", "src/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/features/*/**", "../../features/*"] }],
    },
  },
  {
    // The server never imports the app's code.
    files: ["server/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@/*", "../src/*"] }] },
  },
);
