/**
 * The page's worker: the work that can take long on hostile input (a PFX's key derivations, a huge token)
 * runs here, off the main thread, so the page keeps answering and its Cancel can end it (Worker.terminate).
 * One request per worker: the page makes a new one for each job and terminates it after.
 */
import "@abraham/reflection";
import { inspectJwt } from "@/core/jwt/inspect-jwt";
import { importCredentialMaterial } from "@/core/formats/import-material";
import { readRegisteredOutcome } from "@/core/registered/read-registered-outcome";
import type { WorkRequest } from "./work-protocol";

self.addEventListener("message", (event: MessageEvent<WorkRequest>) => {
  const request = event.data;
  // None throws: each failure is a result with a message (see their doc comments).
  const result: Promise<unknown> =
    request.kind === "import"
      ? importCredentialMaterial(request.inputs, request.password)
      : request.kind === "registered"
        ? readRegisteredOutcome(request.text)
        : inspectJwt(request.text, request.options);
  void result.then((value) => self.postMessage(value));
});
