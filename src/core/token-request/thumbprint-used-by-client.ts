/**
 * AADSTS700027's description names the certificate Entra looked for: "… Thumbprint of key used by client:
 * 'A1B2…', Please visit the Azure Portal … to see configured keys for app Id '…'" (Microsoft Entra error
 * reference, https://learn.microsoft.com/entra/identity-platform/reference-error-codes, AADSTS700027).
 * Read it and say, in the portal's terms, whether that is the certificate on this page.
 */
import type { CertificateThumbprints } from "../certificate/thumbprints";

export interface ThumbprintUsedByClient {
  /** As Entra wrote it, upper-cased: 40 hex digits (from x5t) or 64 (from x5t#S256). */
  hex: string;
  digest: "SHA-1" | "SHA-256";
  /** Whether it is the page's certificate; undefined when the page holds none. */
  isPageCertificate?: boolean;
  /** One plain sentence: what this means for the fix. */
  meaning: string;
}

const THUMBPRINT_USED = /Thumbprint of key used by client:\s*'([0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})'/;

/** The description of an error body (OAuth 2.0 error response, RFC 6749 §5.2), or the body when it is text. */
function descriptionOf(body: unknown): string | undefined {
  if (typeof body === "string") return body;
  if (typeof body !== "object" || body === null || !Object.hasOwn(body, "error_description")) return undefined;
  const description = (body as { error_description?: unknown }).error_description;
  return typeof description === "string" ? description : undefined;
}

/**
 * The thumbprint Entra names in an AADSTS700027 answer, compared with the page's certificate; undefined
 * when the answer names none.
 *
 * @example readThumbprintUsedByClient(body, credential?.certificateDetails.thumbprints)?.isPageCertificate
 */
export function readThumbprintUsedByClient(body: unknown, page: Pick<CertificateThumbprints, "sha1Hex" | "sha256Hex"> | undefined): ThumbprintUsedByClient | undefined {
  const found = THUMBPRINT_USED.exec(descriptionOf(body) ?? "")?.[1];
  if (!found) return undefined;
  const hex = found.toUpperCase();
  const digest = hex.length === 40 ? "SHA-1" : "SHA-256";
  if (!page) {
    return { hex, digest, meaning: "No certificate is on this page to compare it with: find this thumbprint in the app registration's Certificates & secrets." };
  }
  const isPageCertificate = hex === (digest === "SHA-1" ? page.sha1Hex : page.sha256Hex).toUpperCase();
  const meaning = isPageCertificate
    ? "That is this page's certificate, so the app registration does not hold it (or it has expired there): upload server.crt to this app, or check the thumbprint the portal shows."
    : "That is another certificate, not this page's: the request was signed with a different key and certificate. Send the one on this page, or use the key of the certificate the app registration holds.";
  return { hex, digest, isPageCertificate, meaning };
}
