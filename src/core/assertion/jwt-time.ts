/**
 * Whether a decoded JWT can be used now (exp, nbf; RFC 7519 §4.1.4–5), and the same inspection judged
 * again at a later time without verifying the signature again.
 */
import { CLOCK_SKEW_SECONDS, lintAssertionTimes } from "./assertion-lint";
import { formatDuration, type JwtKind } from "./jwt-explanations";
import { describeClaims } from "./jwt-fields";
import type { ExpiryStatus, JwtInspectionSuccess } from "./jwt-inspection";

const NOUNS: Record<JwtKind, string> = { "client-assertion": "client assertion", "access-token": "access token", other: "token" };

/** A NumericDate within what a Date can hold (ECMA-262 §21.4.1.1: ±8.64e15 ms), else undefined. */
function numericDate(payload: Record<string, unknown>, claim: "exp" | "nbf"): number | undefined {
  const value = Object.hasOwn(payload, claim) ? payload[claim] : undefined;
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= 8.64e12 ? value : undefined;
}

/**
 * Says whether the token can be used now (exp, nbf; RFC 7519 §4.1.4–5), in words that fit its kind: Entra's
 * ~5-minute skew allowance for an assertion, a new token for an access token. Undefined without a numeric exp.
 *
 * @example describeExpiry("client-assertion", { exp: 1735787045 }, new Date())?.state
 */
export function describeExpiry(kind: JwtKind, payload: Record<string, unknown>, now: Date): ExpiryStatus | undefined {
  const exp = numericDate(payload, "exp");
  if (exp === undefined) return undefined;
  const nbf = numericDate(payload, "nbf");
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const at = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z");
  const noun = NOUNS[kind];
  if (nowSeconds >= exp) {
    const ago = Math.floor(nowSeconds - exp);
    const head = `This ${noun} expired ${formatDuration(ago)} ago (exp ${at(exp)}).`;
    if (kind === "client-assertion") {
      const graceLeft = CLOCK_SKEW_SECONDS - ago;
      return {
        state: "expired",
        message: graceLeft > 0
          ? `${head} Entra still accepts it for about ${formatDuration(graceLeft)} more, inside its ~5-minute clock-skew allowance; sign a fresh one.`
          : `${head} Entra will refuse it (AADSTS700024): sign a fresh one.`,
      };
    }
    if (kind === "access-token") return { state: "expired", message: `${head} APIs refuse it (401): ask the token endpoint for a new one.` };
    return { state: "expired", message: `${head} It is no longer valid.` };
  }
  if (nbf !== undefined && nowSeconds < nbf) {
    const wait = Math.ceil(nbf - nowSeconds);
    const skew = kind === "client-assertion"
      ? wait <= CLOCK_SKEW_SECONDS ? " Entra accepts it within its ~5-minute clock-skew allowance, but the signing clock runs ahead." : " Entra will refuse it (AADSTS700024): the signing clock is ahead."
      : "";
    return { state: "not-yet-valid", message: `This ${noun} is not valid for another ${formatDuration(wait)} (nbf ${at(nbf)}).${skew}` };
  }
  return { state: "valid", message: `This ${noun} is valid now; it expires in ${formatDuration(Math.floor(exp - nowSeconds))} (exp ${at(exp)}).` };
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
    claims: describeClaims(inspection.payload, inspection.kind, now),
    lint: times ? inspection.lint.map((rule) => times.get(rule.id) ?? rule) : inspection.lint,
    ...(expiry ? { expiry } : {}),
    now,
  };
}
