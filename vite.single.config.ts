/**
 * `npm run build:single`: the same app (plugins, alias, worker format from vite.config.ts) as one
 * self-contained dist-single/credential-workbench.html that works opened from disk with no network.
 * Scripts and styles are inlined by vite-plugin-singlefile; scripts/build-single.ts then allows
 * exactly those inline blocks by hash in the page's meta Content-Security-Policy.
 */
import { fileURLToPath } from "node:url";
import { mergeConfig, type UserConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";
import baseConfig from "./vite.config.ts";
import { singleFileCspPlugin } from "./scripts/build-single.ts";

// Everything in vite.config.ts is shared (its Vitest `test` block is ignored by a build).
export default mergeConfig(baseConfig as UserConfig, {
  // Nothing to copy: the page must not refer to any file next to it.
  publicDir: false,
  // Nor may its worker be a file beside it: the inline variant carries the worker's code in the page
  // and starts it from a blob: URL (allowed by `worker-src blob:` in the rewritten policy).
  resolve: {
    alias: [{ find: /^@\/workers\/create-work-worker$/, replacement: fileURLToPath(new URL("./src/workers/create-work-worker.inline.ts", import.meta.url)) }],
  },
  plugins: [viteSingleFile({ removeViteModuleLoader: true }), singleFileCspPlugin()],
  build: { outDir: "dist-single", emptyOutDir: true, modulePreload: { polyfill: false } },
  // The inlined worker must be one piece too: what it loads on demand (node-forge) goes inside it. It is a
  // classic script: Chromium does not start a module worker from the blob: URL of a page opened from disk
  // (its origin is opaque), and a script with no imports left needs no module.
  worker: { format: "iife", rolldownOptions: { output: { codeSplitting: false } } },
} satisfies UserConfig);
