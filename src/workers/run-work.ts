/**
 * Runs one request in a fresh worker and gives back its result and a way to stop it. Where there is no
 * Worker (Vitest in Node) or the worker cannot start, the same core function runs in place: slower for the
 * page on hostile input, but never a lost result.
 */
import { createWorkWorker } from "@/workers/create-work-worker";
import { handOverFailure, type WorkRequest, type WorkResult } from "./work-protocol";

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

/** The core code is loaded only when it must run here: the first screen's JavaScript stays light. */
async function runInPlace<R extends WorkRequest>(request: R): Promise<WorkResult<R>> {
  const result =
    request.kind === "import" ? (await import("@/core/formats/import-material")).importCredentialMaterial(request.inputs, request.password)
    : request.kind === "inspect" ? (await import("@/core/jwt/inspect-jwt")).inspectJwt(request.text, request.options)
    : (await import("@/core/federated/verify-federated-signature")).verifyFederatedSignature(request.token, request.jwks);
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
    // What arrived could not be read on this side (structured clone's deserialize failed): say so in the panel.
    worker.addEventListener("messageerror", () => {
      if (settled) return;
      finish();
      resolve(handOverFailure(request, "the page could not read what the worker sent"));
    });
    worker.addEventListener("error", (event) => {
      if (settled) return;
      // The worker could not load (or died): do the work in place rather than lose it.
      console.warn("The worker failed; doing the work on the page instead.", event.message);
      finish();
      runInPlace(request).then(resolve, reject);
    });
    try {
      worker.postMessage(request);
    } catch (error) {
      // The request itself could not be cloned to the worker: a message, never an uncaught error.
      finish();
      resolve(handOverFailure(request, error instanceof Error ? error.message : String(error)));
    }
  });
  return { result, cancel: () => cancel() };
}
