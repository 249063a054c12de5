/**
 * The messages between the page and its worker (work.worker.ts): plain data only, as structured clone
 * carries it (https://html.spec.whatwg.org/multipage/structured-data.html).
 */
import type { InspectJwtOptions, JwtInspection } from "@/core/jwt/jwt-inspection";
import type { ImportInput, ImportResult } from "@/core/formats/import-result";
import type { FederatedSignatureCheck } from "@/core/federated/verify-federated-signature";

export type WorkRequest =
  | { kind: "import"; inputs: ImportInput[]; password?: string }
  | { kind: "inspect"; text: string; options: InspectJwtOptions }
  | { kind: "federated-signature"; token: string; jwks: string };

export type WorkResult<R extends WorkRequest> = R extends { kind: "import" } ? ImportResult : R extends { kind: "inspect" } ? JwtInspection : FederatedSignatureCheck;

/**
 * The result the page shows when the worker's answer could not be made or handed over (postMessage throws,
 * or the page cannot read what arrived): a message in the panel, never an uncaught error. Every input that
 * reaches the worker is bounded (src/core/input-limits.ts), so this is the last line, not the first.
 */
export function handOverFailure<R extends WorkRequest>(request: R, reason: string): WorkResult<R> {
  const why = `the worker's result could not be handed to the page (${reason.length > 300 ? `${reason.slice(0, 300)}…` : reason})`;
  const result: ImportResult | JwtInspection | FederatedSignatureCheck =
    request.kind === "import" ? { ok: false, code: "ERR_TOO_LARGE", message: `This file could not be read: ${why}. Export it again from the tool that made it.` }
    : request.kind === "inspect" ? { ok: false, problem: `This token could not be inspected: ${why}. It is not a token any issuer makes.` }
    : { status: "invalid", message: `The signature could not be checked: ${why}.` };
  return result as WorkResult<R>;
}
