import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * What the first screen's JavaScript may not load: the crypto libraries (X.509, PKCS#12, JOSE,
 * node-forge), and the modules of ours known to import them. They load with what needs them
 * (Generate's certificate, an import, the optional panels), after the first screen works. A pattern
 * sees one import at a time: a new module of ours that imports a library belongs on this list
 * (scripts/first-screen-layer.test.ts finds every such module and fails until it is).
 * Type-only imports are allowed: they leave nothing in the JavaScript.
 */
const CRYPTO_LIBRARIES = { message: "Kept out of the first screen's JavaScript: load it with import() where it is needed (it loads with Generate's certificate, an import or the optional panels).", allowTypeImports: true };
const firstScreenForbidden = [
  { ...CRYPTO_LIBRARIES, regex: "^(@peculiar/|jose$|node-forge$)" },
  { ...CRYPTO_LIBRARIES, regex: "(^@/|^(\\.\\./)+)core/certificate/(create|csr|describe|describe-self-signed|entra-extensions|parse|public-key-info|subject-alternative-names|subject-name|verify)$" },
  { ...CRYPTO_LIBRARIES, regex: "(^@/|^(\\.\\./)+)core/(credential/(certify-key|credential|generate-credential)|keys/key-match|federated/verify-federated-signature)$" },
  { ...CRYPTO_LIBRARIES, regex: "(^@/|^(\\.\\./)+)core/formats/(?!pem$)" },
  { ...CRYPTO_LIBRARIES, regex: "(^@/|^(\\.\\./)+)core/(assertion/(certificate-rsa-key|external-signing-input|verify-external-signature)|registered/successor-options)$" },
  // The store's lazily loaded entries (lazy-<what>-entry.ts), loaded only with import().
  { ...CRYPTO_LIBRARIES, regex: "(^@/|^(\\.\\./)+|^\\./)(store/)?lazy-[\\w-]+-entry$" },
];

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
            { regex: "^@/(store|features|ui|app|first-screen|workers)(/|$)", message: "src/core imports nothing from the layers above it." },
            { regex: "^(\\.\\./)+(store|features|ui|app|first-screen|workers)(/|$)", message: "src/core imports nothing from the layers above it (by a relative path either)." },
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
            { regex: "^@/(features|ui|app|first-screen)(/|$)", message: "The store imports core, never the page's components or its entry." },
            { regex: "^(\\.\\./)+(features|ui|app|first-screen)(/|$)", message: "The store imports core, never the page's components or its entry (by a relative path either)." },
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
            { regex: "^@/(features|ui|app|first-screen)(/|$)", message: "The store imports core, never the page's components or its entry." },
            { regex: "^(\\.\\./)+(features|ui|app|first-screen)(/|$)", message: "The store imports core, never the page's components or its entry (by a relative path either)." },
          ],
        },
      ],
    },
  },
  {
    // Features (docs/architecture.md): one folder per part of the page; they do not import each other, the
    // app or the first screen. The app composes them.
    files: ["src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/features/*/**", "../../features/*"], message: "Features do not import each other: move what both need to src/ui/ or src/core/." },
            { regex: "^@/(app|first-screen)(/|$)|^(\\.\\./)+(app|first-screen)(/|$)|^@/app$", message: "A feature imports the store, ui and core, never the app or the first screen." },
          ],
        },
      ],
    },
  },
  {
    // Shared UI (docs/architecture.md): presentational pieces that take what they show as props; they
    // read no store and import no feature.
    files: ["src/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/(store|features|app|first-screen|workers)(/|$)|^(\\.\\./)+(store|features|app|first-screen|workers)(/|$)", message: "src/ui imports core types and helpers only: pass state in as props." }] },
      ],
    },
  },
  {
    // Workers (docs/architecture.md): the worker runs core code only.
    files: ["src/workers/**/*.ts"],
    ignores: ["src/workers/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/(store|features|ui|app|first-screen)(/|$)|^(\\.\\./)+(store|features|ui|app|first-screen)(/|$)", message: "The worker runs core code only." }] },
      ],
    },
  },
  {
    // App wiring (docs/architecture.md): the browser's side of the store's services, and nothing else.
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/(features|ui|first-screen|workers)(/|$)|^(\\.\\./)+(features|ui|first-screen|workers)(/|$)", message: "src/app gives the store its browser services; it imports the store's service types only." }] },
      ],
    },
  },
  {
    // The first screen, a layer of its own: src/first-screen/ (the boot script, the take-over, what was
    // typed before load, deep links) and what the app's first render is made of (the modules
    // scripts/render-first-screen.ts renders, and the store they read). The first screen's JavaScript
    // holds all of it, so none of it may pull in a crypto library.
    files: ["src/main.tsx", "src/app.tsx", "src/app/**/*.{ts,tsx}", "src/first-screen/**/*.{ts,tsx}", "src/features/generate/**/*.{ts,tsx}", "src/features/certificate/**/*.{ts,tsx}", "src/features/code/**/*.{ts,tsx}", "src/ui/**/*.{ts,tsx}", "src/store/**/*.ts"],
    // The store's lazily loaded entries (Generate's certificate code, the import form's parsers): loaded with import() only.
    ignores: ["**/*.test.{ts,tsx}", "src/store/lazy-*-entry.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: firstScreenForbidden }],
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
