/**
 * What a private key is and whether Entra can use it, and whether it belongs to a certificate.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { RSAPrivateKey, RSAPublicKey, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { bytesEqual, toArrayBuffer, toBytes } from "../encoding";
import { ObjectIdentifierValue } from "./asn1-schemas";

export interface KeyInfo {
  /** "RSA", "EC (P-256)", "DSA", "Ed25519", … */
  algorithm: string;
  rsaKeyBits?: number;
  usableForEntra: boolean;
  /** Why the key cannot be used, when it cannot. */
  reason?: string;
}

/** What the page says when a key and a certificate do not belong together. */
export const KEY_MISMATCH_MESSAGE = "This key does not belong to this certificate (their public keys differ). Import the key that was generated with this certificate, or the certificate issued for this key.";

/** Entra's rule for certificate credentials (AADSTS50032): RSA with a modulus of at least 2048 bits. */
export const MIN_ENTRA_RSA_BITS = 2048;

const ENTRA_RULE = `Entra needs RSA ≥ ${String(MIN_ENTRA_RSA_BITS)} bits (AADSTS50032)`;

const CURVES: Record<string, { name: string; webCrypto: string }> = {
  "1.2.840.10045.3.1.7": { name: "P-256", webCrypto: "P-256" },
  "1.3.132.0.34": { name: "P-384", webCrypto: "P-384" },
  "1.3.132.0.35": { name: "P-521", webCrypto: "P-521" },
};

const OTHER_ALGORITHMS: Record<string, string> = {
  "1.2.840.10040.4.1": "DSA",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
  "1.3.101.110": "X25519",
  "1.2.840.113549.1.1.10": "RSA-PSS (restricted)",
};

const EC_PUBLIC_KEY = "1.2.840.10045.2.1";

function unsigned(bytes: ArrayBuffer): Uint8Array {
  let out = toBytes(bytes);
  while (out.length > 1 && out[0] === 0) out = out.subarray(1);
  return out;
}

function bitLength(magnitude: Uint8Array): number {
  const leading = magnitude[0] ?? 0;
  return leading === 0 ? 0 : (magnitude.length - 1) * 8 + (32 - Math.clz32(leading));
}

function curveOf(parameters: ArrayBuffer | null | undefined): { name: string; webCrypto: string } | undefined {
  if (!parameters) return undefined;
  try {
    return CURVES[AsnConvert.parse(parameters, ObjectIdentifierValue).value];
  } catch {
    return undefined;
  }
}

/** Describes a PKCS#8 private key (RFC 5208 §5) and judges it against Entra's rule. */
export function describePrivateKey(pkcs8Der: Uint8Array): KeyInfo {
  const info = AsnConvert.parse(toArrayBuffer(pkcs8Der), PrivateKeyInfo);
  const oid = info.privateKeyAlgorithm.algorithm;
  if (oid === id_rsaEncryption) {
    const rsa = AsnConvert.parse(info.privateKey.buffer, RSAPrivateKey);
    const bits = bitLength(unsigned(rsa.modulus));
    if (bits < MIN_ENTRA_RSA_BITS) {
      return { algorithm: "RSA", rsaKeyBits: bits, usableForEntra: false, reason: `This RSA key has ${String(bits)} bits; ${ENTRA_RULE}. Generate a new key of 2048 bits or more.` };
    }
    return { algorithm: "RSA", rsaKeyBits: bits, usableForEntra: true };
  }
  const name = oid === EC_PUBLIC_KEY ? `EC (${curveOf(info.privateKeyAlgorithm.parameters)?.name ?? "unknown curve"})` : (OTHER_ALGORITHMS[oid] ?? `OID ${oid}`);
  return { algorithm: name, usableForEntra: false, reason: `This is an ${name} key; ${ENTRA_RULE}. Generate an RSA key of 2048 bits or more.` };
}

async function ecPublicPoint(format: "pkcs8" | "spki", der: Uint8Array, namedCurve: string): Promise<string> {
  const usages: KeyUsage[] = format === "pkcs8" ? ["sign"] : ["verify"];
  const key = await crypto.subtle.importKey(format, toArrayBuffer(der), { name: "ECDSA", namedCurve }, true, usages);
  const jwk = await crypto.subtle.exportKey("jwk", key);
  return `${jwk.x ?? ""}.${jwk.y ?? ""}`;
}

/**
 * Whether the private key's public half is the certificate's SubjectPublicKeyInfo: for RSA the
 * modulus and public exponent (RFC 8017 §A.1) are compared; for EC the public point, through
 * WebCrypto. Undefined when the workbench cannot tell (other algorithms).
 */
export async function privateKeyMatchesPublicKey(pkcs8Der: Uint8Array, spkiDer: Uint8Array): Promise<boolean | undefined> {
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
  if (oid === EC_PUBLIC_KEY) {
    if (spki.algorithm.algorithm !== EC_PUBLIC_KEY) return false;
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
