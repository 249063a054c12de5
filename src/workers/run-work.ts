/**
 * Runs one request in a fresh worker and gives back its result and a way to stop it. Where there is no
 * Worker (Vitest in Node) or the worker cannot start, the same core function runs in place: slower for the
 * page on hostile input, but never a lost result.
 */
import { createWorkWorker } from "@/workers/create-work-worker";
import type { WorkRequest, WorkResult } from "./work-protocol";

/** Thrown by `result` after `cancel()`: the caller keeps what it had. */
export class WorkCancelled extends Error {
  constructor() {
    super("Cancelled.");
    this.name = "WorkCancelled";
  }
}

export interface WorkJob<T> {
  result: Promise<T>;
  /** Ends the work at once (the worker is terminated, mid-derivation if need be); `result` rejects with WorkCancelled. */
  cancel: () => void;
}

/** The core code is loaded only when it must run here: the page's own bundle stays light (issue 13). */
async function runInPlace<R extends WorkRequest>(request: R): Promise<WorkResult<R>> {
  const result =
    request.kind === "import"
      ? (await import("@/core/formats/import-material")).importCredentialMaterial(request.inputs, request.password)
      : request.kind === "registered"
        ? (await import("@/core/registered/read-registered-outcome")).readRegisteredOutcome(request.text)
        : (await import("@/core/jwt/inspect-jwt")).inspectJwt(request.text, request.options);
  return result as Promise<WorkResult<R>>;
}

export function runWork<R extends WorkRequest>(request: R): WorkJob<WorkResult<R>> {
  let cancel = (): void => undefined;
  const result = new Promise<WorkResult<R>>((resolve, reject) => {
    let worker: Worker;
    try {
      if (typeof Worker === "undefined") throw new Error("no Worker here");
      worker = createWorkWorker();
    } catch {
      runInPlace(request).then(resolve, reject);
      return;
    }
    let settled = false;
    const finish = (): void => {
      settled = true;
      worker.terminate();
    };
    cancel = () => {
      if (settled) return;
      finish();
      reject(new WorkCancelled());
    };
    worker.addEventListener("message", (event: MessageEvent<WorkResult<R>>) => {
      finish();
      resolve(event.data);
    });
    worker.addEventListener("error", (event) => {
      if (settled) return;
      // The worker could not load (or died): do the work in place rather than lose it.
      console.warn("The worker failed; doing the work on the page instead.", event.message);
      finish();
      runInPlace(request).then(resolve, reject);
    });
    worker.postMessage(request);
  });
  return { result, cancel: () => cancel() };
}
