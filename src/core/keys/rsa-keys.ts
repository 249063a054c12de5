// No ASN.1 library here: this module is on the first screen's path (the key sizes, the key
// prefetch), so the PKCS#1 ⇄ PKCS#8 conversions live in formats/pkcs1.ts, loaded with the rest.
import { toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";

/** Key sizes Entra accepts: 2048 is the minimum (AADSTS50032 below it); 3072 and 4096 are accepted. */
export const RSA_KEY_SIZES = [2048, 3072, 4096] as const;
export type RsaKeySize = (typeof RSA_KEY_SIZES)[number];

/** The algorithm a generated key is bound to: certificates and CSRs are signed sha256WithRSAEncryption. */
export const RSASSA_SHA256: RsaHashedImportParams = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

/** F4 = 65537, the public exponent OpenSSL and every Microsoft tool use. */
const PUBLIC_EXPONENT_65537 = new Uint8Array([0x01, 0x00, 0x01]);

/**
 * Generates an extractable RSA key pair (e = 65537) so the private key can be saved as server.pem.
 * WebCrypto runs the generation off the page's main thread.
 */
export async function generateRsaKeyPair(modulusLength: RsaKeySize): Promise<CryptoKeyPair> {
  if (!RSA_KEY_SIZES.includes(modulusLength)) {
    throw new WorkbenchError("ERR_INVALID_KEY_SIZE", `Key size ${String(modulusLength)} is not offered: choose 2048, 3072 or 4096 bits.`);
  }
  return crypto.subtle.generateKey(
    { ...RSASSA_SHA256, modulusLength, publicExponent: PUBLIC_EXPONENT_65537 },
    true,
    ["sign", "verify"],
  );
}

/** PKCS#8 DER of a private key (what `openssl genrsa` writes in OpenSSL 3, as `PRIVATE KEY`). */
export async function exportPkcs8Der(privateKey: CryptoKey): Promise<Uint8Array> {
  return toBytes(await crypto.subtle.exportKey("pkcs8", privateKey));
}

/** The modulus length in bits of an RSA CryptoKey. */
export function rsaModulusBits(key: CryptoKey): number {
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  if (typeof algorithm.modulusLength !== "number") {
    throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This key is not an RSA key: Entra certificate credentials need RSA.");
  }
  return algorithm.modulusLength;
}

/** Imports a PKCS#8 RSA private key for the given signature algorithm. */
export async function importRsaPrivateKey(
  pkcs8Der: Uint8Array,
  algorithm: RsaHashedImportParams = RSASSA_SHA256,
  extractable = true,
): Promise<CryptoKey> {
  return crypto.subtle.importKey("pkcs8", toArrayBuffer(pkcs8Der), algorithm, extractable, ["sign"]);
}
