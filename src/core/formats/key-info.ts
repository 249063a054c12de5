/**
 * What a private key is and whether Entra can use it (whether it belongs to a certificate: ../key-match.ts).
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { id_ecPublicKey, id_secp256r1, id_secp384r1, id_secp521r1 } from "@peculiar/asn1-ecc";
import { RSAPrivateKey, id_RSASSA_PSS, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { toArrayBuffer } from "../encoding";
import { ENTRA_KEY_RULE_FIX, entraKeyRuleProblem, rsaModulusBitLength, type KeyShape } from "../keys/rsa-key-size";
import { ObjectIdentifierValue } from "./asn1-schemas";

export interface KeyInfo {
  /** "RSA", "EC (P-256)", "DSA", "Ed25519", … */
  algorithm: string;
  rsaKeyBits?: number;
  usableForEntra: boolean;
  /** Why the key cannot be used, when it cannot. */
  reason?: string;
}

const CURVES: Record<string, { name: string; webCrypto: string }> = {
  [id_secp256r1]: { name: "P-256", webCrypto: "P-256" },
  [id_secp384r1]: { name: "P-384", webCrypto: "P-384" },
  [id_secp521r1]: { name: "P-521", webCrypto: "P-521" },
};

const OTHER_ALGORITHMS: Record<string, string> = {
  "1.2.840.10040.4.1": "DSA",
  "1.3.101.112": "Ed25519",
  "1.3.101.113": "Ed448",
  "1.3.101.110": "X25519",
  [id_RSASSA_PSS]: "RSA-PSS (restricted)",
};

/** The named curve in an EC key's algorithm parameters (RFC 5480 §2.1.1.1), if the workbench knows it. */
export function curveOf(parameters: ArrayBuffer | null | undefined): { name: string; webCrypto: string } | undefined {
  if (!parameters) return undefined;
  try {
    return CURVES[AsnConvert.parse(parameters, ObjectIdentifierValue).value];
  } catch {
    return undefined;
  }
}

/** A key judged by Entra's rule (rsa-key-size.ts): usable, or the reason it is not. */
export function judgeKey(key: KeyShape): KeyInfo {
  const problem = entraKeyRuleProblem(key);
  return problem ? { ...key, usableForEntra: false, reason: `${problem} ${ENTRA_KEY_RULE_FIX}` } : { ...key, usableForEntra: true };
}

/** Describes a PKCS#8 private key (RFC 5208 §5) and judges it against Entra's rule. */
export function describePrivateKey(pkcs8Der: Uint8Array): KeyInfo {
  const info = AsnConvert.parse(toArrayBuffer(pkcs8Der), PrivateKeyInfo);
  const oid = info.privateKeyAlgorithm.algorithm;
  if (oid === id_rsaEncryption) {
    const rsa = AsnConvert.parse(info.privateKey.buffer, RSAPrivateKey);
    return judgeKey({ algorithm: "RSA", rsaKeyBits: rsaModulusBitLength(rsa.modulus) });
  }
  return judgeKey({ algorithm: oid === id_ecPublicKey ? `EC (${curveOf(info.privateKeyAlgorithm.parameters)?.name ?? "unknown curve"})` : (OTHER_ALGORITHMS[oid] ?? `OID ${oid}`) });
}
