/** Where a certificate stands in its validity period, in words a user can act on. */
export interface CertificateValidity {
  status: "valid" | "expiring-soon" | "expired" | "not-yet-valid";
  message: string;
}

/** Warn this many days ahead, and put the rotation reminder this far ahead: rotation takes an upload, a deploy and a removal. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

function days(ms: number): string {
  // Rounded: a 365-day certificate made a moment ago expires "in 365 days", not 364.
  const count = Math.round(Math.abs(ms) / DAY_MS);
  if (Math.abs(ms) >= DAY_MS) return `${String(count)} day${count === 1 ? "" : "s"}`;
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  return hours >= 1 ? `${String(hours)} hour${hours === 1 ? "" : "s"}` : "less than an hour";
}

/**
 * Compares notBefore/notAfter (RFC 5280 §4.1.2.5) with `now`. Entra refuses assertions signed
 * with a certificate outside its validity (AADSTS700027 names the expired certificate).
 */
export function describeCertificateValidity(validity: { notBefore: string; notAfter: string }, now: Date = new Date()): CertificateValidity {
  const notBefore = new Date(validity.notBefore).getTime();
  const notAfter = new Date(validity.notAfter).getTime();
  const at = now.getTime();
  if (at < notBefore) {
    return {
      status: "not-yet-valid",
      message: `Not valid yet: it starts in ${days(notBefore - at)}. Entra refuses it until then; check the clock of the machine that made it, or wait.`,
    };
  }
  if (at >= notAfter) {
    return {
      status: "expired",
      message: `Expired ${days(at - notAfter)} ago. Entra refuses assertions signed with it (AADSTS700027): generate a new certificate, upload it with --append, then remove this one.`,
    };
  }
  if (notAfter - at <= EXPIRY_WARNING_DAYS * DAY_MS) {
    return { status: "expiring-soon", message: `Expires in ${days(notAfter - at)}: upload its successor now, then remove this one once your app uses the new one.` };
  }
  return { status: "valid", message: `Valid now; expires in ${days(notAfter - at)}.` };
}
