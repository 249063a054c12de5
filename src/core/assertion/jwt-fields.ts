/** The header fields and claims of a decoded JWT as rows: name, value as shown, meaning, and the time for NumericDates. */
import { describeTime, explainClaim, explainHeaderField, TIME_CLAIMS, type JwtKind } from "./jwt-explanations";
import { showValue } from "./jwt-decode";
import type { JwtClaim, JwtField } from "./jwt-inspection";

/** Header parameters (RFC 7515 §4.1) explained in words that fit the token's kind. Linear in the header's size. */
export function describeHeaderFields(header: Record<string, unknown>, kind: JwtKind): JwtField[] {
  return Object.entries(header).map(([name, value]) => ({ name, ...showValue(value), explanation: explainHeaderField(name, value, kind) }));
}

/** Claims (RFC 7519 §4.1) explained, with exp/nbf/iat/auth_time also shown as times relative to `now`. Linear in the payload's size. */
export function describeClaims(payload: Record<string, unknown>, kind: JwtKind, now: Date): JwtClaim[] {
  return Object.entries(payload).map(([name, value]) => {
    const time = TIME_CLAIMS.includes(name) ? describeTime(name, value, now) : undefined;
    return { name, ...showValue(value), explanation: explainClaim(name, kind), ...(time ? { time } : {}) };
  });
}
