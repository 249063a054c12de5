/**
 * The single-file build's worker: its code is inlined in the page and started from a blob: URL
 * (CSP `worker-src blob:`), since a page opened from disk has no file beside it to load.
 */
import WorkWorker from "./work.worker.ts?worker&inline";

export function createWorkWorker(): Worker {
  return new WorkWorker({ name: "credential-workbench" });
}
