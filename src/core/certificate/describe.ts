/** Reads a certificate into plain data for display: names, dates, key, extensions and thumbprints. */
import { id_ecPublicKey } from "@peculiar/asn1-ecc";
import { AsnConvert } from "@peculiar/asn1-schema";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { RSAPublicKey, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { bytesToHex, toArrayBuffer, toBytes } from "../encoding";
import { rsaModulusBitLength } from "../keys/rsa-key-size";
import { computeThumbprints, type CertificateThumbprints } from "./thumbprints";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  type Extension,
  type GeneralName,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  type X509Certificate,
} from "@peculiar/x509";

/** Plain data about a certificate, for display: nothing here is a live object. */
export interface CertificateDetails {
  subject: string;
  /** The subject's CN value as it is (no RFC 4514 escaping), if there is one. */
  commonName?: string;
  issuer: string;
  selfIssued: boolean;
  serialNumberHex: string;
  notBefore: string;
  notAfter: string;
  publicKeyAlgorithm: string;
  /** RSA modulus length in bits; undefined for non-RSA keys. */
  rsaKeyBits?: number;
  signatureAlgorithm: string;
  extensions: ExtensionDetails[];
  thumbprints: CertificateThumbprints;
}

/** One extension as shown: its name, whether it is critical, and its value in words. */
export interface ExtensionDetails {
  name: string;
  critical: boolean;
  value: string;
}

const SIGNATURE_ALGORITHM_NAMES: Record<string, string> = {
  "RSASSA-PKCS1-v1_5/SHA-256": "sha256WithRSAEncryption",
  "RSASSA-PKCS1-v1_5/SHA-384": "sha384WithRSAEncryption",
  "RSASSA-PKCS1-v1_5/SHA-512": "sha512WithRSAEncryption",
  "RSASSA-PKCS1-v1_5/SHA-1": "sha1WithRSAEncryption",
  "RSA-PSS/SHA-256": "rsassaPss (SHA-256)",
  "ECDSA/SHA-256": "ecdsa-with-SHA256",
  "ECDSA/SHA-384": "ecdsa-with-SHA384",
};

/** The OpenSSL name of a signature algorithm as WebCrypto spells it (e.g. sha256WithRSAEncryption). */
export function describeSignatureAlgorithm(algorithm: Algorithm & { hash?: Algorithm | string }): string {
  const hash = typeof algorithm.hash === "string" ? algorithm.hash : algorithm.hash?.name;
  const key = hash ? `${algorithm.name}/${hash}` : algorithm.name;
  return SIGNATURE_ALGORITHM_NAMES[key] ?? key;
}

/** The public key's algorithm and, for RSA, its modulus length, read from the SubjectPublicKeyInfo. */
export function describeSubjectPublicKeyInfo(spkiDer: Uint8Array): { algorithm: string; rsaKeyBits?: number } {
  const spki = AsnConvert.parse(toArrayBuffer(spkiDer), SubjectPublicKeyInfo);
  const oid = spki.algorithm.algorithm;
  if (oid !== id_rsaEncryption) {
    const names: Record<string, string> = { [id_ecPublicKey]: "EC", "1.2.840.10040.4.1": "DSA", "1.3.101.112": "Ed25519" };
    return { algorithm: names[oid] ?? `OID ${oid}` };
  }
  const rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
  return { algorithm: "RSA", rsaKeyBits: rsaModulusBitLength(rsa.modulus) };
}

const KEY_USAGE_NAMES: [KeyUsageFlags, string][] = [
  [KeyUsageFlags.digitalSignature, "Digital Signature"],
  [KeyUsageFlags.nonRepudiation, "Non Repudiation"],
  [KeyUsageFlags.keyEncipherment, "Key Encipherment"],
  [KeyUsageFlags.dataEncipherment, "Data Encipherment"],
  [KeyUsageFlags.keyAgreement, "Key Agreement"],
  [KeyUsageFlags.keyCertSign, "Certificate Sign"],
  [KeyUsageFlags.cRLSign, "CRL Sign"],
];

const EXTENDED_KEY_USAGE_NAMES: Record<string, string> = {
  [ExtendedKeyUsage.clientAuth]: "TLS Web Client Authentication (clientAuth)",
  [ExtendedKeyUsage.serverAuth]: "TLS Web Server Authentication (serverAuth)",
  [ExtendedKeyUsage.codeSigning]: "Code Signing",
  [ExtendedKeyUsage.emailProtection]: "E-mail Protection",
};

function colonHex(bytes: ArrayBuffer): string {
  return (bytesToHex(toBytes(bytes)).toUpperCase().match(/../g) ?? []).join(":");
}

/** An extension as a parsed certificate holds it (typed by @peculiar/x509's ExtensionFactory), in words. */
export function describeExtension(extension: Extension): ExtensionDetails {
  return { ...describeExtensionValue(extension), critical: extension.critical };
}

function describeExtensionValue(extension: Extension): { name: string; value: string } {
  if (extension instanceof BasicConstraintsExtension) {
    return { name: "Basic Constraints", value: extension.ca ? `CA:TRUE${extension.pathLength !== undefined ? `, pathlen:${String(extension.pathLength)}` : ""}` : "CA:FALSE" };
  }
  if (extension instanceof KeyUsagesExtension) {
    const names = KEY_USAGE_NAMES.filter(([flag]) => (extension.usages & flag) !== 0).map(([, label]) => label);
    return { name: "Key Usage", value: names.join(", ") };
  }
  if (extension instanceof ExtendedKeyUsageExtension) {
    return { name: "Extended Key Usage", value: extension.usages.map((oid) => EXTENDED_KEY_USAGE_NAMES[String(oid)] ?? String(oid)).join(", ") };
  }
  if (extension instanceof SubjectKeyIdentifierExtension) {
    return { name: "Subject Key Identifier", value: extension.keyId.toUpperCase().replace(/(..)(?!$)/g, "$1:") };
  }
  if (extension instanceof AuthorityKeyIdentifierExtension) {
    const keyId = extension.keyId;
    return { name: "Authority Key Identifier", value: keyId ? keyId.toUpperCase().replace(/(..)(?!$)/g, "$1:") : "(issuer and serial)" };
  }
  if (extension instanceof SubjectAlternativeNameExtension) {
    const labels: Record<string, string> = { dns: "DNS", url: "URI", email: "email", ip: "IP", upn: "UPN", guid: "GUID", dn: "DirName", id: "RID" };
    return {
      name: "Subject Alternative Name",
      value: extension.names.items.map((item: GeneralName) => `${labels[item.type] ?? item.type}:${item.value}`).join(", "),
    };
  }
  return { name: `OID ${extension.type}`, value: colonHex(extension.value) };
}

/** Reads what a user needs to know about a certificate, thumbprints included. */
export async function describeCertificate(certificate: X509Certificate): Promise<CertificateDetails> {
  const der = toBytes(certificate.rawData);
  // The digests run in WebCrypto while the fields below are read: the thumbprint is what the user waits for.
  const thumbprints = computeThumbprints(der);
  // Should reading a field below throw, that error is the one reported: no unhandled rejection from the digests.
  thumbprints.catch(() => undefined);
  const key = describeSubjectPublicKeyInfo(toBytes(certificate.publicKey.rawData));
  return {
    subject: certificate.subject,
    commonName: certificate.subjectName.getField("CN")[0],
    issuer: certificate.issuer,
    selfIssued: certificate.subject === certificate.issuer,
    serialNumberHex: certificate.serialNumber.toUpperCase(),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    publicKeyAlgorithm: key.algorithm,
    rsaKeyBits: key.rsaKeyBits,
    signatureAlgorithm: describeSignatureAlgorithm(certificate.signatureAlgorithm as Algorithm & { hash?: Algorithm }),
    // Array.from, not .map: the library's Extensions is an Array subclass, and .map would keep its class.
    extensions: Array.from(certificate.extensions, describeExtension),
    thumbprints: await thumbprints,
  };
}
