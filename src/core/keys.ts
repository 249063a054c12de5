import { AsnConvert } from "@peculiar/asn1-schema";
import { PrivateKey, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { RSAPrivateKey, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { toArrayBuffer, toBytes } from "./encoding";
import { WorkbenchError } from "./errors";

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

/** PKCS#1 `RSAPrivateKey` DER (RFC 8017 §A.1.2), the payload inside the PKCS#8 wrapper. */
export function pkcs8ToPkcs1(pkcs8Der: Uint8Array): Uint8Array {
  const info = AsnConvert.parse(toArrayBuffer(pkcs8Der), PrivateKeyInfo);
  if (info.privateKeyAlgorithm.algorithm !== id_rsaEncryption) {
    throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This private key is not an RSA key; only RSA keys can be written as PKCS#1.");
  }
  return toBytes(info.privateKey.buffer);
}

/** Wraps a PKCS#1 `RSAPrivateKey` in PKCS#8 so WebCrypto can import it. */
export function pkcs1ToPkcs8(pkcs1Der: Uint8Array): Uint8Array {
  // Parse first so a non-RSA structure is refused here rather than deep inside WebCrypto.
  AsnConvert.parse(toArrayBuffer(pkcs1Der), RSAPrivateKey);
  const info = new PrivateKeyInfo({
    privateKeyAlgorithm: new AlgorithmIdentifier({ algorithm: id_rsaEncryption, parameters: null }),
    privateKey: new PrivateKey(toArrayBuffer(pkcs1Der)),
  });
  return toBytes(AsnConvert.serialize(info));
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
