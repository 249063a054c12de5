/**
 * The one line that says whether a decoded token is usable now, judged on everything that was checked:
 * its times (exp, nbf; RFC 7519 §4.1.4–5) and its signature (RFC 7515 §5.2). Current times alone are not
 * good news: a token whose signature was not checked (no certificate to check it with, an algorithm the
 * page cannot verify) may have been changed or signed by another key, so only "times current and signature
 * verified" reads as good. Entra itself refuses a client assertion whose signature does not verify
 * (AADSTS700027), whatever its times.
 */
import type { SignatureVerdict } from "../assertion/assertion-lint";
import type { JwtKind } from "./jwt-explanations";
import type { ExpiryStatus } from "./jwt-inspection";

/**
 * - `good`: times current and signature verified — the only green state.
 * - `unchecked`: times current, signature not checked although it could be (load the certificate) or not
 *   verifiable here — amber: a warning, not a verdict.
 * - `elsewhere`: times current, an access token whose signature only its API checks (Entra signs it with its
 *   own key) — neutral.
 * - `bad`: expired, or times current but the signature fails.
 * - `early`: not valid yet — amber.
 */
export type UsableNowTone = "good" | "unchecked" | "elsewhere" | "bad" | "early";

export interface UsableNowVerdict {
  tone: UsableNowTone;
  message: string;
}

/**
 * @example usableNowVerdict({ state: "valid", message: "This token is valid now; …" }, { status: "not-checked", message: "…" }, "other").tone // "unchecked"
 */
export function usableNowVerdict(expiry: ExpiryStatus, signature: Pick<SignatureVerdict, "status">, kind: JwtKind): UsableNowVerdict {
  if (expiry.state === "expired") return { tone: "bad", message: expiry.message };
  if (expiry.state === "not-yet-valid") return { tone: "early", message: expiry.message };
  switch (signature.status) {
    case "valid":
      return { tone: "good", message: expiry.message };
    case "invalid":
      return { tone: "bad", message: `Its times are current, but its signature fails: Entra rejects it. (${expiry.message})` };
    case "not-checked":
      if (kind === "access-token") return { tone: "elsewhere", message: `Its times are current; its signature is Entra's, checked by the API that receives it, not here. (${expiry.message})` };
      return { tone: "unchecked", message: `Its times are current, but its signature was not checked (see above), so it is not known to be valid: load the certificate that signed it to check it. (${expiry.message})` };
    case "unsupported":
      return { tone: "unchecked", message: `Its times are current, but its signature could not be checked here (see above), so it is not known to be valid. (${expiry.message})` };
  }
}
