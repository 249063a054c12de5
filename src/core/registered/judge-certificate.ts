/**
 * Which registered certificate the page's certificate meets: Entra finds the assertion's key by the
 * certificate's SHA-1 thumbprint (the `x5t` header; docs/entra.md, "The client assertion"). Not among
 * them, or only expired ones: AADSTS700027.
 */
import { describeRegisteredStatus, isUsableNow } from "./registered-status";
import type { RegisteredCertificate } from "./registered-credential";
import { nameRow, type RegisteredVerdict } from "./registered-verdict";

export function judgeCertificate(pageThumbprint: string, rows: readonly RegisteredCertificate[], now: Date): RegisteredVerdict {
  const thumbprint = pageThumbprint.toUpperCase();
  const matches = rows.filter((row) => row.thumbprint === thumbprint);
  const usable = matches.filter((row) => isUsableNow(row, now));
  const unreadable = rows.filter((row) => row.thumbprint === undefined).length;
  const unreadableNote =
    unreadable > 0
      ? ` ${String(unreadable)} registered certificate${unreadable === 1 ? " has" : "s have"} no thumbprint in the paste (a custom identifier and no key): paste az ad app show --id <appId> to compare ${unreadable === 1 ? "it" : "them"} too.`
      : "";
  if (usable.length > 0) {
    return {
      verdict: "match",
      message: `The page's certificate (${thumbprint}) is registered: ${usable.map(nameRow).join(", ")}. Entra finds it by this thumbprint.`,
      matchedKeyIds: usable.map((row) => row.keyId),
    };
  }
  if (matches.length > 0) {
    const expired = matches.filter((row) => describeRegisteredStatus(row, now).status === "expired");
    if (expired.length > 0) {
      return {
        verdict: "expired",
        aadsts: 700027,
        message: `The page's certificate is registered as ${expired.map(nameRow).join(", ")}, but it has expired: Entra answers AADSTS700027. Rotate it: make a successor, upload it with --append, deploy it, then remove the old one.`,
        matchedKeyIds: matches.map((row) => row.keyId),
      };
    }
    return {
      verdict: "no-match",
      aadsts: 700027,
      message: `The page's certificate is registered as ${matches.map(nameRow).join(", ")}, but not valid yet (its startDateTime is in the future): Entra answers AADSTS700027 until then.`,
      matchedKeyIds: matches.map((row) => row.keyId),
    };
  }
  return {
    verdict: "no-match",
    aadsts: 700027,
    message: `The page's certificate (${thumbprint}) is not among the ${String(rows.length)} registered certificate${rows.length === 1 ? "" : "s"}: Entra answers AADSTS700027. Upload server.crt to this app (with --append to keep the others).${unreadableNote}`,
    matchedKeyIds: [],
  };
}
