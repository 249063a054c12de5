/**
 * Judges a signature made elsewhere for a fixed header and claims (external-signing-input.ts): it
 * completes the client assertion only if it verifies with the certificate's public key and the form's
 * algorithm (RFC 7515 §5.2; RS256 RFC 7518 §3.3, PS256 §3.5 with a 32-byte salt). Otherwise it says why,
 * in words that name the fix.
 */
import { bytesEqual, bytesToBase64Url, hexToBytes, toArrayBuffer, toBytes, utf8Encode } from "../encoding";
import { RSA_PSS_SHA256 } from "./assertion-types";
import { readCertificateRsaKey, type CertificateRsaKey } from "./certificate-rsa-key";
import type { ExternalSigningRequest } from "./external-signing-input";
import { readPastedSignature, type PastedSignatureShape } from "./read-pasted-signature";
import { pssCoversDigest, recoverSignatureEncoding } from "./recover-signature-encoding";

export type ExternalSignatureReason = "not-a-signature" | "wrong-length" | "another-key" | "other-algorithm" | "changed" | "other-digest";

export type ExternalSignatureVerdict =
  | { valid: true; jwt: string; shape: PastedSignatureShape; message: string }
  | { valid: false; reason: ExternalSignatureReason; shape?: PastedSignatureShape; message: string };

export interface VerifyExternalSignatureOptions {
  request: ExternalSigningRequest;
  /** Requests started before this one (an earlier Start), newest first: a signature for one of them is named as such. */
  earlier?: readonly ExternalSigningRequest[];
  certificateDer: Uint8Array;
  /** What the user pasted. */
  pasted: string;
}

const RSASSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

async function verifies(key: CertificateRsaKey, alg: "RS256" | "PS256", signingInput: string, signature: Uint8Array): Promise<boolean> {
  const algorithm = alg === "PS256" ? RSA_PSS_SHA256 : RSASSA;
  const publicKey = await crypto.subtle.importKey("spki", toArrayBuffer(key.spki), algorithm, false, ["verify"]);
  const params = alg === "PS256" ? { name: "RSA-PSS", saltLength: 32 } : { name: "RSASSA-PKCS1-v1_5" };
  return crypto.subtle.verify(params, publicKey, toArrayBuffer(signature), toArrayBuffer(utf8Encode(signingInput)));
}

const sha256 = async (bytes: Uint8Array): Promise<Uint8Array> => toBytes(await crypto.subtle.digest("SHA-256", toArrayBuffer(bytes)));

const fixFor = (alg: "RS256" | "PS256"): string =>
  alg === "PS256"
    ? "sign with --algorithm PS256 (Key Vault) or -pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:32 (OpenSSL)"
    : "sign with --algorithm RS256 (Key Vault) or without the PSS options (OpenSSL)";

/** Why a right-length signature that does not verify fails, from the padding it hides. */
async function diagnose(options: VerifyExternalSignatureOptions, key: CertificateRsaKey, signature: Uint8Array, shape: PastedSignatureShape): Promise<ExternalSignatureVerdict> {
  const { request } = options;
  const alg = request.header.alg;
  const otherAlg = alg === "PS256" ? "RS256" : "PS256";
  const refuse = (reason: ExternalSignatureReason, message: string): ExternalSignatureVerdict => ({ valid: false, reason, shape, message });

  // Made for an earlier header and claims: the user signed a digest shown before Start again or a settings change.
  for (const earlier of options.earlier ?? []) {
    if (await verifies(key, earlier.header.alg, earlier.signingInput, signature)) {
      return refuse("changed", `This signature is for an earlier digest (jti ${earlier.payload.jti}): the header or claims changed since it was taken. Sign the digest shown now.`);
    }
  }
  if (await verifies(key, otherAlg, request.signingInput, signature)) {
    return refuse("other-algorithm", `This signature was made with ${otherAlg} (${otherAlg === "PS256" ? "RSA-PSS padding" : "PKCS#1 v1.5 padding"}), but the header says ${alg}: ${fixFor(alg)}, or choose the ${otherAlg} form and start again.`);
  }
  const encoding = await recoverSignatureEncoding(signature, key);
  if (encoding.padding === "none") {
    return refuse("another-key", "This signature was made by another key: this certificate's public key does not open it. Sign with the key that belongs to this certificate (in Key Vault, the key of the certificate you downloaded), or import that key's certificate.");
  }
  if (encoding.padding === "pkcs1" && encoding.hash !== "SHA-256") {
    return refuse("other-algorithm", `This signature was made with ${encoding.hash}, not SHA-256: ${alg} needs SHA-256 — ${fixFor(alg)}.`);
  }
  if (encoding.padding === "pkcs1" && alg === "PS256") {
    return refuse("other-algorithm", `This signature uses PKCS#1 v1.5 padding (RS256), but the header says PS256: ${fixFor(alg)}.`);
  }
  if (encoding.padding === "pss" && alg === "RS256") {
    return refuse("other-algorithm", `This signature uses RSA-PSS padding (PS256), but the header says RS256: ${fixFor(alg)}.`);
  }
  if (encoding.padding === "pss" && encoding.saltLength !== 32) {
    return refuse("other-algorithm", `This RSA-PSS signature has a ${String(encoding.saltLength)}-byte salt; PS256 needs 32: add -pkeyopt rsa_pss_saltlen:32 to openssl pkeyutl.`);
  }
  // This key, this padding, another digest. Hashing the digest again (openssl dgst -sign on the digest file) is the usual slip.
  const hashedAgain = await sha256(request.digest);
  const covers = async (digest: Uint8Array): Promise<boolean> =>
    encoding.padding === "pkcs1" ? bytesEqual(encoding.digest, digest) : encoding.padding === "pss" ? pssCoversDigest(encoding, digest) : false;
  if (await covers(hashedAgain)) {
    return refuse("other-digest", "This signature is over the SHA-256 of the digest, not the digest: the digest was hashed again. Sign the digest as it is (openssl pkeyutl -sign -pkeyopt digest:sha256, not openssl dgst -sign; az keyvault key sign --digest).");
  }
  return refuse("other-digest", "This signature was made by this certificate's key, but over another digest: sign exactly the digest shown here (standard base64 for az --digest, base64url for the REST value).");
}

/**
 * @example
 * const verdict = await verifyExternalSignature({ request, certificateDer, pasted: azOutput });
 * if (verdict.valid) send(verdict.jwt);
 */
export async function verifyExternalSignature(options: VerifyExternalSignatureOptions): Promise<ExternalSignatureVerdict> {
  const pasted = readPastedSignature(options.pasted);
  if (!pasted.ok) return { valid: false, reason: "not-a-signature", message: pasted.message };
  const { request } = options;
  const expected = Math.ceil(request.rsaKeyBits / 8);
  // Hex digits alone are also base64; a hex dump (xxd -p, od) of exactly one signature is read as hex.
  const compact = options.pasted.replace(/\s+/g, "");
  const hex = /^[0-9a-fA-F]+$/.test(compact) && compact.length === expected * 2;
  const bytes = hex ? hexToBytes(compact) : pasted.bytes;
  const shape: PastedSignatureShape = hex ? "hex" : pasted.shape;
  const key = await readCertificateRsaKey(options.certificateDer);
  if (!key || bytes.length !== expected) {
    // An RSA signature is exactly as long as the modulus (RFC 8017 §8.1.1, §8.2.1).
    const hint = [256, 384, 512].includes(bytes.length)
      ? `a ${String(bytes.length * 8)}-bit key made it, not this certificate's`
      : bytes.length === 32
        ? "that is the length of the digest itself, not of a signature"
        : "it was cut short or something was added when it was copied";
    return { valid: false, reason: "wrong-length", shape, message: `This signature has ${String(bytes.length)} bytes, but the certificate's ${String(request.rsaKeyBits)}-bit key makes ${String(expected)}-byte signatures: ${hint}.` };
  }
  if (await verifies(key, request.header.alg, request.signingInput, bytes)) {
    const signer = pasted.keyId ? ` by ${pasted.keyId}` : "";
    return {
      valid: true,
      jwt: `${request.signingInput}.${bytesToBase64Url(bytes)}`,
      shape,
      message: `The signature verifies with the certificate's public key (${request.header.alg})${signer}: the assertion is complete.`,
    };
  }
  return diagnose(options, key, bytes, shape);
}
