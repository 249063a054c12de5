/**
 * Where a registered credential stands today, from its startDateTime/endDateTime: Entra accepts a
 * certificate or secret only between the two (an expired certificate: AADSTS700027; an expired
 * secret: AADSTS7000222 — docs/entra.md, "AADSTS codes"). Warned at 30 days or fewer, the same
 * margin the page's own certificate gets (certificate/validity.ts).
 */
import { EXPIRY_WARNING_DAYS } from "../certificate/validity";

export type RegisteredStatusKind = "expired" | "expiring-soon" | "not-yet-valid" | "valid" | "undated";

export interface RegisteredStatus {
  status: RegisteredStatusKind;
  /** Whole days: since expiry, until expiry, or until it starts. */
  days?: number;
  text: string;
}

const DAY_MS = 86_400_000;

const plural = (count: number) => `${String(count)} day${count === 1 ? "" : "s"}`;

export function describeRegisteredStatus(row: { startDateTime?: string; endDateTime?: string }, now: Date): RegisteredStatus {
  const at = now.getTime();
  const start = row.startDateTime === undefined ? undefined : Date.parse(row.startDateTime);
  const end = row.endDateTime === undefined ? undefined : Date.parse(row.endDateTime);
  if (start !== undefined && at < start) {
    const days = Math.ceil((start - at) / DAY_MS);
    return { status: "not-yet-valid", days, text: `not yet valid (starts in ${plural(days)})` };
  }
  if (end === undefined) return { status: "undated", text: "no end date in the paste" };
  if (at >= end) {
    // Whole days gone by: a credential that expired this morning expired "0 days ago", said as today.
    const days = Math.floor((at - end) / DAY_MS);
    return { status: "expired", days, text: days === 0 ? "expired today" : `expired ${plural(days)} ago` };
  }
  // Days left, counting a part day as one: it is still usable on the last of them.
  const days = Math.ceil((end - at) / DAY_MS);
  if (days <= EXPIRY_WARNING_DAYS) return { status: "expiring-soon", days, text: `expires in ${plural(days)}` };
  return { status: "valid", days, text: `valid (expires in ${plural(days)})` };
}

/** Whether Entra accepts the credential now: started and not ended. */
export function isUsableNow(row: { startDateTime?: string; endDateTime?: string }, now: Date): boolean {
  const status = describeRegisteredStatus(row, now).status;
  return status === "valid" || status === "expiring-soon" || status === "undated";
}
