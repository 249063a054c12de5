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
    // The core is pure TypeScript over WebCrypto: no React, no DOM, no store. The layers above it are
    // refused by the @/ alias and by a relative path alike (../../store/…).
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react/*", "react-dom", "react-dom/*", "zustand", "zustand/*", "node:*"], message: "src/core runs unchanged in Node and the browser: no React, no store library, no Node built-ins." },
            { regex: "^@/(store|features|ui|app|shell|workers)(/|$)", message: "src/core imports nothing from the layers above it." },
            { regex: "^(\\.\\./)+(store|features|ui|app|shell|workers)(/|$)", message: "src/core imports nothing from the layers above it (by a relative path either)." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "document", "window", "localStorage", "sessionStorage"],
    },
  },
  {
    // The store holds state and calls core; what it needs from the browser comes in as services
    // (src/store/workbench-services.ts, given by src/app/browser-services.ts), so it runs in Node as is.
    // React reaches it through one file, the binding components import (src/store/workbench-store.ts).
    files: ["src/store/**/*.ts"],
    ignores: ["src/store/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // "zustand" itself is its React entry; zustand/vanilla and zustand/middleware are not.
          paths: [{ name: "zustand", message: "Only src/store/workbench-store.ts binds the store to React; import zustand/vanilla or zustand/middleware here." }],
          patterns: [
            { group: ["react", "react/*", "react-dom", "react-dom/*", "zustand/react", "zustand/react/*"], message: "Only src/store/workbench-store.ts binds the store to React; import zustand/vanilla or zustand/middleware here." },
            { regex: "^@/(features|ui|app|shell)(/|$)", message: "The store imports core, never the page's components or its entry." },
            { regex: "^(\\.\\./)+(features|ui|app|shell)(/|$)", message: "The store imports core, never the page's components or its entry (by a relative path either)." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["document", "window", "location", "localStorage", "sessionStorage", "requestIdleCallback", "requestAnimationFrame", "navigator"].map((name) => ({
          name,
          message: `The store uses no browser global (${name}): add what it needs to WorkbenchServices (src/store/workbench-services.ts) and give it in src/app/browser-services.ts.`,
        })),
      ],
    },
  },
  {
    // The binding: React's context and zustand's hook, and nothing of the DOM.
    files: ["src/store/workbench-store.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^@/(features|ui|app|shell)(/|$)", message: "The store imports core, never the page's components or its entry." },
            { regex: "^(\\.\\./)+(features|ui|app|shell)(/|$)", message: "The store imports core, never the page's components or its entry (by a relative path either)." },
          ],
        },
      ],
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
