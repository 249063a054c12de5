/**
 * `npm run build:single`: the same app (plugins, alias, worker format from vite.config.ts) as one
 * self-contained dist-single/credential-workbench.html that works opened from disk with no network.
 * Scripts and styles are inlined by vite-plugin-singlefile; scripts/build-single.ts then allows
 * exactly those inline blocks by hash in the page's meta Content-Security-Policy.
 */
import { mergeConfig, type UserConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";
import baseConfig from "./vite.config.ts";
import { singleFileCspPlugin } from "./scripts/build-single.ts";

// Everything in vite.config.ts is shared (its Vitest `test` block is ignored by a build).
export default mergeConfig(baseConfig as UserConfig, {
  // Nothing to copy: the page must not refer to any file next to it.
  publicDir: false,
  plugins: [viteSingleFile({ removeViteModuleLoader: true }), singleFileCspPlugin()],
  build: { outDir: "dist-single", emptyOutDir: true, modulePreload: { polyfill: false } },
} satisfies UserConfig);
