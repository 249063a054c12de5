/**
 * The messages between the page and its worker (work.worker.ts): plain data only, as structured clone
 * carries it (https://html.spec.whatwg.org/multipage/structured-data.html).
 */
import type { InspectJwtOptions, JwtInspection } from "@/core/jwt/jwt-inspection";
import type { ImportInput, ImportResult } from "@/core/formats/import-result";
import type { RegisteredReadOutcome } from "@/core/registered/read-registered-outcome";

export type WorkRequest =
  | { kind: "import"; inputs: ImportInput[]; password?: string }
  | { kind: "inspect"; text: string; options: InspectJwtOptions }
  | { kind: "registered"; text: string };

export type WorkResult<R extends WorkRequest> = R extends { kind: "import" } ? ImportResult : R extends { kind: "registered" } ? RegisteredReadOutcome : JwtInspection;
