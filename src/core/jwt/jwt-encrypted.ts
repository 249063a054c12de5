/** Encrypted tokens (JWE compact form, RFC 7516 §7.1): what can be read without the recipient's key. */
import { explainJweHeaderField } from "./jwt-explanations";
import { decodeSegment, parseJsonObject, showValue } from "./jwt-decode";
import type { JwtInspectionFailure } from "./jwt-inspection";

/** Decodes the protected header of a 5-segment encrypted token; undefined when it is not one. */
function decodeJweHeader(segment: string): JwtInspectionFailure["encrypted"] {
  try {
    const header = parseJsonObject(decodeSegment(segment, 0), "header");
    if (!Object.hasOwn(header, "enc")) return undefined;
    return { header, headerFields: Object.entries(header).map(([name, value]) => ({ name, ...showValue(value), explanation: explainJweHeaderField(name) })) };
  } catch {
    return undefined;
  }
}

/**
 * The inspection of a 5-segment token: its protected header when it decodes (the payload needs the
 * recipient's key), or a sentence saying it looks encrypted.
 */
export function inspectEncryptedToken(segments: readonly string[]): JwtInspectionFailure {
  const encrypted = decodeJweHeader(segments[0] ?? "");
  if (!encrypted) return { ok: false, problem: "This looks like an encrypted token (JWE, 5 segments) — it cannot be inspected without the key." };
  return {
    ok: false,
    problem: `This is an encrypted token (JWE, 5 segments): its header is readable, but the payload is encrypted (enc ${showValue(encrypted.header.enc).value}) and only the recipient's key can decrypt it.`,
    encrypted,
  };
}
