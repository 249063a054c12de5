/**
 * The page's worker: the work that can take long on hostile input (a PFX's key derivations, a huge token, a
 * large JWKS) runs here, off the main thread, so the page keeps answering and its Cancel can end it
 * (Worker.terminate). One request per worker: the page makes a new one for each job and terminates it after.
 */
import "@abraham/reflection";
import { describeError } from "@/core/errors";
import { inspectJwt } from "@/core/jwt/inspect-jwt";
import { importCredentialMaterial } from "@/core/formats/import-material";
import { verifyFederatedSignature } from "@/core/federated/verify-federated-signature";
import { handOverFailure, type WorkRequest } from "./work-protocol";

function run(request: WorkRequest): Promise<unknown> {
  // Each never throws: each failure is a result with a message (see their doc comments).
  if (request.kind === "import") return importCredentialMaterial(request.inputs, request.password);
  if (request.kind === "inspect") return inspectJwt(request.text, request.options);
  return verifyFederatedSignature(request.token, request.jwks);
}

self.addEventListener("message", (event: MessageEvent<WorkRequest>) => {
  const request = event.data;
  void run(request)
    .then((value) => {
      // Structured clone recurses and can throw (a DataCloneError, or RangeError on a very deep object): the
      // page then gets a message instead of waiting for an answer that never comes.
      try {
        self.postMessage(value);
      } catch (error) {
        self.postMessage(handOverFailure(request, describeError(error)));
      }
    })
    .catch((error: unknown) => self.postMessage(handOverFailure(request, describeError(error))));
});
