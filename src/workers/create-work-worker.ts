/**
 * Starts the page's worker from its own file next to the page (CSP `worker-src 'self'`). The single-file
 * build replaces this module with create-work-worker.inline.ts (vite.single.config.ts), because a page
 * opened from disk has no file beside it to load.
 */
export function createWorkWorker(): Worker {
  return new Worker(new URL("./work.worker.ts", import.meta.url), { type: "module", name: "credential-workbench" });
}
