/**
 * Reads a keyCredential's `customKeyIdentifier` the way real app registrations have it:
 *  - 40 hex digits: the SHA-1 thumbprint itself, as Graph sets it for certificates
 *    (Graph docs, "Add a certificate to an app"; azure-cli#20561). Forty hex digits are also valid
 *    base64, so this is tested first: decoded as base64 they would give 30 meaningless bytes
 *    (msgraph-sdk-java#1823).
 *  - base64 of exactly 20 bytes: the thumbprint's bytes, as older tools and the Azure AD Graph
 *    manifest wrote it (Graph's type is Edm.Binary, which JSON carries as base64).
 *  - anything else: a custom identifier the uploader chose (often a name, e.g. UTF-16 "rbac"
 *    written by older SDKs, azure-libraries-for-net#546) — not a thumbprint.
 */
import { base64ToBytes, bytesToHex } from "../encoding";

export type CustomKeyIdentifier =
  | { form: "hex-thumbprint"; raw: string; thumbprint: string }
  | { form: "base64-thumbprint"; raw: string; thumbprint: string }
  | { form: "custom"; raw: string; text?: string };

const HEX_THUMBPRINT = /^[0-9A-Fa-f]{40}$/;

/** Printable text from the identifier's bytes, when they are UTF-16LE (with or without BOM) or UTF-8. */
function readableText(bytes: Uint8Array): string | undefined {
  const printable = (text: string) => text !== "" && [...text].every((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code >= 0x20 && code !== 0x7f && code !== 0xfffd;
  });
  if (bytes.length >= 2 && bytes.length % 2 === 0) {
    const body = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2) : bytes;
    // UTF-16LE text of Latin letters has a zero in every second byte.
    const looksUtf16 = body.length > 0 && body.every((byte, i) => i % 2 === 0 || byte === 0);
    if (looksUtf16 || body !== bytes) {
      const text = new TextDecoder("utf-16le").decode(body);
      if (printable(text)) return text;
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return printable(text) ? text : undefined;
}

export function readCustomKeyIdentifier(value: string): CustomKeyIdentifier {
  const raw = value.trim();
  if (HEX_THUMBPRINT.test(raw)) return { form: "hex-thumbprint", raw: value, thumbprint: raw.toUpperCase() };
  let bytes: Uint8Array | undefined;
  try {
    bytes = base64ToBytes(raw);
  } catch {
    bytes = undefined;
  }
  if (bytes?.length === 20) return { form: "base64-thumbprint", raw: value, thumbprint: bytesToHex(bytes).toUpperCase() };
  const text = bytes ? readableText(bytes) : undefined;
  return text === undefined ? { form: "custom", raw: value } : { form: "custom", raw: value, text };
}
