/**
 * Whether a decoded JWT can be used now (exp, nbf; RFC 7519 §4.1.4–5), and the same inspection judged
 * again at a later time without verifying the signature again.
 */
import { describeSkewAllowance, describeWindowTiming, numericDate, placeInTimeWindow } from "./time-window";
import { lintAssertionTimes } from "../assertion/assertion-lint";
import type { JwtKind } from "./jwt-explanations";
import { retimeClaims } from "./jwt-fields";
import type { ExpiryStatus, JwtInspectionSuccess } from "./jwt-inspection";

const NOUNS: Record<JwtKind, string> = { "client-assertion": "client assertion", "access-token": "access token", other: "token" };

/** An own claim of the payload (a claim named `__proto__` or `constructor` is data, not Object.prototype's). */
function claim(payload: Record<string, unknown>, name: "exp" | "nbf"): unknown {
  return Object.hasOwn(payload, name) ? payload[name] : undefined;
}

/**
 * Says whether the token can be used now (exp, nbf; RFC 7519 §4.1.4–5), in words that fit its kind: Entra's
 * ~5-minute skew allowance for an assertion, a new token for an access token. Undefined without a numeric exp.
 * The window, the skew and their wording come from the one time-window module (../time-window.ts).
 *
 * @example describeExpiry("client-assertion", { exp: 1735787045 }, new Date())?.state
 */
export function describeExpiry(kind: JwtKind, payload: Record<string, unknown>, now: Date): ExpiryStatus | undefined {
  const exp = numericDate(claim(payload, "exp"));
  if (exp === undefined) return undefined;
  const position = placeInTimeWindow({ notBefore: numericDate(claim(payload, "nbf")), expires: exp }, now);
  const when = describeWindowTiming(position);
  const noun = NOUNS[kind];
  const head = position.state === "valid" ? `This ${noun} is valid now; it ${when}.` : position.state === "expired" ? `This ${noun} ${when}.` : `This ${noun} is ${when}.`;
  const skew = describeSkewAllowance(position);
  if (position.state === "valid") return { state: "valid", message: head };
  if (position.state === "expired") {
    const after =
      kind === "client-assertion" ? (skew ? ` ${skew}; sign a fresh one.` : " Entra will refuse it (AADSTS700024): sign a fresh one.")
      : kind === "access-token" ? " APIs refuse it (401): ask the token endpoint for a new one."
      : " It is no longer valid.";
    return { state: "expired", message: head + after };
  }
  const after = kind !== "client-assertion" ? "" : skew ? ` ${skew}.` : " Entra will refuse it (AADSTS700024): the signing clock is ahead.";
  return { state: "not-yet-valid", message: head + after };
}

/**
 * The same inspection judged at another time: claims' relative times, `expiry` and the time lint rows
 * (lifetime, time-window) are recomputed; the signature is not checked again. Cheap and synchronous, for a
 * view that re-renders on a timer so "expires in 9 min" stays true.
 *
 * @example const current = retimeInspection(inspection, new Date());
 */
export function retimeInspection(inspection: JwtInspectionSuccess, now: Date): JwtInspectionSuccess {
  const times = inspection.kind === "client-assertion" ? new Map(lintAssertionTimes(inspection.payload, now).map((rule) => [rule.id, rule])) : undefined;
  const expiry = describeExpiry(inspection.kind, inspection.payload, now);
  return {
    ...inspection,
    claims: retimeClaims(inspection.claims, inspection.payload, now),
    lint: times ? inspection.lint.map((rule) => times.get(rule.id) ?? rule) : inspection.lint,
    ...(expiry ? { expiry } : {}),
    now,
  };
}
