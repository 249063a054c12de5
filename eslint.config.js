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
    ignores: ["src/core/**/*.test.ts"],
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
    // The Entra facts module (hosts, tenant rule, token form, /api wire types) imports nothing:
    // the page and the server both load it, in the browser and under plain Node.
    files: ["src/entra/**/*.ts"],
    ignores: ["src/entra/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!\\./[\\w.-]+$)", message: "src/entra imports nothing but its own files (./name)." }] }],
      "no-restricted-globals": ["error", "document", "window", "localStorage", "sessionStorage", "fetch", "process"],
    },
  },
  {
    // The server never imports the app's code, except the Entra facts it shares with the page.
    files: ["server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/", message: "The server imports src/entra by a relative path (../src/entra/…): tsx does not know the @/ alias." }, { regex: "^(\\.\\./)+src/(?!entra/)", message: "The server imports nothing from src/ but src/entra." }] },
      ],
    },
  },
);
