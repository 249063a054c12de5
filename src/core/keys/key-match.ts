/**
 * Whether a private key belongs to a certificate — the one check, the one message (ERR_KEY_MISMATCH) —
 * and whether its private half still works.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
// id-ecPublicKey: RFC 5480 §2.1.1.
import { id_ecPublicKey } from "@peculiar/asn1-ecc";
import { RSAPrivateKey, RSAPublicKey, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { parseCertificateDer } from "../certificate/parse";
import { bytesEqual, toArrayBuffer, toBytes, utf8Encode } from "../encoding";
import { WorkbenchError } from "../errors";
import { curveOf } from "../formats/key-info";
import { RSASSA_SHA256 } from "./rsa-keys";

/** What the page says, wherever it finds that a key and a certificate do not belong together. */
export const KEY_MISMATCH_MESSAGE = "This key does not belong to this certificate (their public keys differ). Import the key that was generated with this certificate, or the certificate issued for this key.";

/** The error for a key that is not the certificate's: Entra would answer AADSTS700027 (it cannot verify the assertion). */
export function keyMismatchError(): WorkbenchError {
  return new WorkbenchError("ERR_KEY_MISMATCH", KEY_MISMATCH_MESSAGE);
}

function unsigned(bytes: ArrayBuffer): Uint8Array {
  let out = toBytes(bytes);
  while (out.length > 1 && out[0] === 0) out = out.subarray(1);
  return out;
}

async function ecPublicPoint(format: "pkcs8" | "spki", der: Uint8Array, namedCurve: string): Promise<string> {
  const usages: KeyUsage[] = format === "pkcs8" ? ["sign"] : ["verify"];
  const key = await crypto.subtle.importKey(format, toArrayBuffer(der), { name: "ECDSA", namedCurve }, true, usages);
  const jwk = await crypto.subtle.exportKey("jwk", key);
  return `${jwk.x ?? ""}.${jwk.y ?? ""}`;
}

/**
 * Whether the private key's public half is this SubjectPublicKeyInfo: for RSA the modulus and public
 * exponent (RFC 8017 §A.1) are compared; for EC the public point, through WebCrypto. Undefined when the
 * workbench cannot tell (other algorithms).
 *
 * @example await keyMatchesPublicKey(pkcs8Der, spkiDer) // true, false or undefined
 */
export async function keyMatchesPublicKey(pkcs8Der: Uint8Array, spkiDer: Uint8Array): Promise<boolean | undefined> {
  const info = AsnConvert.parse(toArrayBuffer(pkcs8Der), PrivateKeyInfo);
  const spki = AsnConvert.parse(toArrayBuffer(spkiDer), SubjectPublicKeyInfo);
  const oid = info.privateKeyAlgorithm.algorithm;
  if (oid === id_rsaEncryption) {
    if (spki.algorithm.algorithm !== id_rsaEncryption) return false;
    const privateKey = AsnConvert.parse(info.privateKey.buffer, RSAPrivateKey);
    const publicKey = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
    return bytesEqual(unsigned(privateKey.modulus), unsigned(publicKey.modulus))
      && bytesEqual(unsigned(privateKey.publicExponent), unsigned(publicKey.publicExponent));
  }
  if (oid === id_ecPublicKey) {
    if (spki.algorithm.algorithm !== id_ecPublicKey) return false;
    const curve = curveOf(info.privateKeyAlgorithm.parameters);
    if (!curve || curveOf(spki.algorithm.parameters)?.name !== curve.name) return curve ? false : undefined;
    try {
      return (await ecPublicPoint("pkcs8", pkcs8Der, curve.webCrypto)) === (await ecPublicPoint("spki", spkiDer, curve.webCrypto));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whether the private key (PKCS#8 DER) belongs to the certificate (DER): `keyMatchesPublicKey` against the
 * certificate's SubjectPublicKeyInfo. Throws ERR_UNSUPPORTED_FORMAT when the certificate cannot be read.
 */
export async function keyMatchesCertificate(pkcs8Der: Uint8Array, certificateDer: Uint8Array): Promise<boolean | undefined> {
  return keyMatchesPublicKey(pkcs8Der, toBytes(parseCertificateDer(certificateDer).publicKey.rawData));
}

/** Throws ERR_KEY_MISMATCH (KEY_MISMATCH_MESSAGE) when the key is known not to be the certificate's. */
export async function assertKeyMatchesCertificate(pkcs8Der: Uint8Array, certificateDer: Uint8Array): Promise<void> {
  if ((await keyMatchesCertificate(pkcs8Der, certificateDer)) === false) throw keyMismatchError();
}

/**
 * Proves that a key which matches the certificate also works, by signing a fresh challenge and verifying
 * the signature with the certificate's public key. A key whose private parts were damaged still has the
 * right modulus (so it matches) but signs garbage: Entra would answer AADSTS50013.
 */
export async function privateKeySignsForCertificate(privateKey: CryptoKey, certificateDer: Uint8Array): Promise<boolean> {
  try {
    const publicKey = await crypto.subtle.importKey(
      "spki",
      toArrayBuffer(toBytes(parseCertificateDer(certificateDer).publicKey.rawData)),
      RSASSA_SHA256,
      false,
      ["verify"],
    );
    const challenge = utf8Encode(`credential-workbench key check ${crypto.randomUUID()}`);
    const signature = await crypto.subtle.sign(RSASSA_SHA256, privateKey, toArrayBuffer(challenge));
    return await crypto.subtle.verify(RSASSA_SHA256, publicKey, signature, toArrayBuffer(challenge));
  } catch {
    return false;
  }
}
