import type { CertificateThumbprints } from "./thumbprints";

/**
 * Compares a thumbprint the user copied from the Entra admin center (App registrations → the app →
 * Certificates & secrets → Certificates, "Thumbprint" column) with the certificate on the page.
 * The portal shows SHA-1 as 40 uppercase hex digits; a thumbprint copied from elsewhere often carries
 * spaces or colons (OpenSSL's `-fingerprint`), lowercase digits, or the invisible left-to-right mark
 * that Windows' certificate dialog puts in front of it — none of which change the value.
 */
export type PortalThumbprintVerdict =
  | { status: "empty" }
  | { status: "match"; message: string }
  | { status: "sha256"; message: string }
  | { status: "mismatch"; message: string }
  | { status: "malformed"; message: string };

/** What copying adds and what does not change the value: whitespace, colons, hyphens, format characters (U+200E etc.). */
const COPY_NOISE = /[\s:\-\u200B-\u200F\u202A-\u202E\u2060\uFEFF]/g;

/** Strips what copying adds (COPY_NOISE) and compares case-blind: the portal's form, upper-case hex. */
export function normalizeThumbprint(text: string): string {
  return text.replace(COPY_NOISE, "").toUpperCase();
}

/** The most of a pasted value a message quotes: a thumbprint is 40 or 64 characters. */
const MAX_QUOTED_CHARS = 80;

/** The pasted value as the user typed it (case, colons and spaces kept; invisible marks and the ends' whitespace dropped), for quoting in a message. */
function asTyped(text: string): string {
  const stripped = text.replace(/[\u200B-\u200F\u202A-\u202E\u2060\uFEFF]/g, "").trim();
  return stripped.length > MAX_QUOTED_CHARS ? `${stripped.slice(0, MAX_QUOTED_CHARS)}… (${String(stripped.length)} characters)` : stripped;
}

export function comparePortalThumbprint(pasted: string, thumbprints: Pick<CertificateThumbprints, "sha1Hex" | "sha256Hex">): PortalThumbprintVerdict {
  const value = normalizeThumbprint(pasted);
  if (value === "") return { status: "empty" };
  if (!/^[0-9A-F]+$/.test(value)) {
    // Named as typed: a lower-case "g" is quoted as "g", not as the "G" it was compared as.
    const bad = [...pasted.replace(COPY_NOISE, "")].find((character) => !/[0-9A-Fa-f]/.test(character)) ?? "";
    return {
      status: "malformed",
      message: `A thumbprint holds only the hex digits 0-9 and A-F; this has "${bad}". Copy the Thumbprint column from Certificates & secrets again.`,
    };
  }
  if (value === thumbprints.sha1Hex.toUpperCase()) {
    return { status: "match", message: "It matches: the portal holds this certificate, so the key on this page is the one to give MSAL." };
  }
  if (value === thumbprints.sha256Hex.toUpperCase()) {
    return { status: "sha256", message: "That is this certificate's SHA-256 thumbprint. It matches, but the portal and MSAL Python's thumbprint setting use the SHA-1 form shown above." };
  }
  if (value.length !== 40) {
    return {
      status: "malformed",
      message: `The portal's thumbprint has 40 hex digits; this has ${String(value.length)} (${asTyped(pasted)}). Copy the whole value from the Thumbprint column.`,
    };
  }
  return {
    status: "mismatch",
    message: `It does not match: ${asTyped(pasted)} is another certificate's thumbprint; this page's is ${thumbprints.sha1Hex.toUpperCase()}. Upload server.crt from this page (or import the key that belongs to the uploaded certificate); with the wrong one Entra answers AADSTS700027.`,
  };
}
