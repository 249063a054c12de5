import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { prerenderShellPlugin } from "./scripts/prerender-shell.ts";

export default defineConfig({
  plugins: [react(), tailwindcss(), prerenderShellPlugin()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  // The budget that matters is gzip size of the initial JS, checked by `npm run check:bundle`.
  build: {
    outDir: "dist",
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // Rolldown's "[PLUGIN_TIMINGS]" block (Tailwind's transform is slow on a cold build) reads like a failure on
    // `npm start`; build time is measured by `npm run bench`, not reported on every build.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // Everything index.html loads before the app has taken over goes in one file ($initial: the entry's static
      // imports, all the way down). Left to itself the bundler cut it into ~17 small files (one per module a lazy
      // panel shares with the first screen); each compresses on its own, so together they were ~6 KB gzip more,
      // and each was one more request. The panels that load later import what they share from that file.
      output: { codeSplitting: { groups: [{ name: "first-screen", tags: ["$initial"] }] } },
    },
  },
  // The page's worker (src/workers/work.worker.ts) is an ES module worker: the core it runs loads some
  // code on demand (dynamic import), which only the "es" format can split.
  worker: { format: "es" },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "server/**/*.test.ts", "scripts/**/*.test.ts", "test-support/**/*.test.ts"],
    setupFiles: ["test-support/test-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
