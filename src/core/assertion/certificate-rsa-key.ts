/** The certificate's RSA public key, as the numbers a raw RSA operation needs and as WebCrypto keys. */
import { base64UrlToBytes, bytesToHex, toBytes } from "../encoding";
import { parseCertificateDer } from "../certificate/parse";

export interface CertificateRsaKey {
  /** The SubjectPublicKeyInfo DER (RFC 5280 §4.1.2.7). */
  spki: Uint8Array;
  modulus: bigint;
  exponent: bigint;
  /** The modulus length in bits (RFC 8017 §2: "modBits"). */
  bits: number;
}

const bigIntFromBytes = (bytes: Uint8Array): bigint => (bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`));

/** Reads the RSA key of a DER certificate; undefined when the key is not RSA. */
export async function readCertificateRsaKey(certificateDer: Uint8Array): Promise<CertificateRsaKey | undefined> {
  const spki = toBytes(parseCertificateDer(certificateDer).publicKey.rawData);
  let jwk: JsonWebKey;
  try {
    const key = await crypto.subtle.importKey("spki", spki.slice(), { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["verify"]);
    jwk = await crypto.subtle.exportKey("jwk", key);
  } catch {
    return undefined;
  }
  if (!jwk.n || !jwk.e) return undefined;
  const modulus = bigIntFromBytes(base64UrlToBytes(jwk.n));
  return { spki, modulus, exponent: bigIntFromBytes(base64UrlToBytes(jwk.e)), bits: modulus.toString(2).length };
}
