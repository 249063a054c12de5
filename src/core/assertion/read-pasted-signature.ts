/**
 * Reads a signature pasted back from wherever the key lives, in the shapes signers print:
 * - `az keyvault key sign` (az 2.51+): `{"algorithm", "keyId", "signature"}`, the signature in standard base64;
 *   older az versions print it as `result`.
 * - the Key Vault REST `sign` answer: `{"kid", "value"}`, base64url (Key Vault REST API 7.4, "Sign").
 * - the bare signature in base64 (`openssl pkeyutl … | base64`) or base64url, quoted or not, wrapped or not.
 */
import { base64ToBytes, base64UrlToBytes } from "../encoding";

export type PastedSignatureShape = "az-cli" | "az-cli-result" | "key-vault-rest" | "base64" | "base64url" | "hex";

export type PastedSignature =
  | {
      ok: true;
      bytes: Uint8Array;
      shape: PastedSignatureShape;
      /** The algorithm the signer reports (az's `algorithm`), when it says. */
      algorithm?: string;
      /** The key the signer reports (az's `keyId`, REST's `kid`), when it says. */
      keyId?: string;
    }
  | { ok: false; message: string };

/** Words for each shape, for the verdict ("read as …"). */
export const SHAPE_NAMES: Readonly<Record<PastedSignatureShape, string>> = {
  "az-cli": "az keyvault key sign output (signature, standard base64)",
  "az-cli-result": "older az keyvault key sign output (result)",
  "key-vault-rest": "Key Vault REST sign answer (value, base64url)",
  base64: "a bare signature in standard base64",
  base64url: "a bare signature in base64url",
  hex: "a bare signature in hex",
};

const NOT_A_SIGNATURE =
  "This is not a signature: paste what the signer printed — az keyvault key sign's JSON, the Key Vault REST answer ({\"kid\", \"value\"}), or the signature alone in base64 or base64url (openssl pkeyutl … | base64 -w0).";

/** Decodes base64 or base64url, whichever alphabet the text uses; undefined when it is neither. */
function decodeEitherAlphabet(text: string): { bytes: Uint8Array; alphabet: "base64" | "base64url" } | undefined {
  // Line breaks are how base64 tools wrap; spaces inside mean words, not a signature.
  if (/[^\S\r\n]/.test(text.trim().replace(/[ \t]*\r?\n[ \t]*/g, ""))) return undefined;
  const compact = text.replace(/\s+/g, "");
  if (compact === "") return undefined;
  const urlSafe = /[-_]/.test(compact);
  const standard = /[+/]/.test(compact);
  if (urlSafe && standard) return undefined;
  try {
    if (urlSafe) return { bytes: base64UrlToBytes(compact.replace(/=+$/, "")), alphabet: "base64url" };
    if (standard || compact.endsWith("=")) return { bytes: base64ToBytes(compact), alphabet: "base64" };
    // Letters and digits only: both alphabets decode it alike.
    return { bytes: base64UrlToBytes(compact), alphabet: compact.length % 4 === 0 ? "base64" : "base64url" };
  } catch {
    return undefined;
  }
}

function readJson(text: string): PastedSignature {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "This looks like JSON but does not parse: paste the whole output of az keyvault key sign or of the REST call, from { to }." };
  }
  if (typeof value === "string") return readBare(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: NOT_A_SIGNATURE };
  const fields = value as Record<string, unknown>;
  const text_ = (name: string): string | undefined => (typeof fields[name] === "string" ? fields[name] : undefined);
  const candidates: [string, PastedSignatureShape][] = [
    ["signature", "az-cli"],
    ["result", "az-cli-result"],
    ["value", "key-vault-rest"],
  ];
  for (const [field, shape] of candidates) {
    const encoded = text_(field);
    if (encoded === undefined) continue;
    const decoded = decodeEitherAlphabet(encoded);
    if (!decoded) return { ok: false, message: `The "${field}" field is not base64 or base64url: paste the signer's output unchanged.` };
    return { ok: true, bytes: decoded.bytes, shape, algorithm: text_("algorithm") ?? text_("alg"), keyId: text_("keyId") ?? text_("kid") };
  }
  return { ok: false, message: 'This JSON has no "signature", "result" or "value" field: paste the output of az keyvault key sign or the REST sign answer.' };
}

function readBare(text: string): PastedSignature {
  const unquoted = text.trim().replace(/^(["'])(.*)\1$/s, "$2");
  const decoded = decodeEitherAlphabet(unquoted);
  // Shorter than a SHA-256 digest is no signature of any key, just text that happens to be base64.
  if (!decoded || decoded.bytes.length < 32) return { ok: false, message: NOT_A_SIGNATURE };
  return { ok: true, bytes: decoded.bytes, shape: decoded.alphabet };
}

/**
 * @example readPastedSignature('{"algorithm":"RS256","keyId":"https://v.vault.azure.net/keys/k/1","signature":"q0Z…=="}')
 */
export function readPastedSignature(text: string): PastedSignature {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: NOT_A_SIGNATURE };
  return trimmed.startsWith("{") || trimmed.startsWith('"') && trimmed.endsWith('"') ? readJson(trimmed) : readBare(trimmed);
}
