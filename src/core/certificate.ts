import { AsnConvert } from "@peculiar/asn1-schema";
import { SubjectPublicKeyInfo } from "@peculiar/asn1-x509";
import { RSAPublicKey, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { bytesToHex, toArrayBuffer, toBytes } from "./encoding";
import { WorkbenchError } from "./errors";
import { RSASSA_SHA256 } from "./keys";
import { encodePem } from "./pem";
import { buildSubjectName } from "./subject-name";
import type { SubjectFields } from "./subject";
import { computeThumbprints, type CertificateThumbprints } from "./thumbprints";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  type Extension,
  GeneralName,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  X509CertificateGenerator,
} from "./x509";
import { validateSubjectAlternativeNames, validateValidityDays, type SubjectAlternativeNames } from "./certificate-options";

export {
  DEFAULT_VALIDITY_DAYS,
  MAX_VALIDITY_DAYS,
  MIN_VALIDITY_DAYS,
  validateSubjectAlternativeNames,
  validateValidityDays,
  type SubjectAlternativeNames,
} from "./certificate-options";

/** notBefore is set this far in the past so a client whose clock runs slow still accepts the certificate. */
export const NOT_BEFORE_SKEW_MS = 5 * 60 * 1000;

export interface SelfSignedCertificateOptions {
  keys: CryptoKeyPair;
  subject: SubjectFields;
  validityDays: number;
  subjectAlternativeNames?: SubjectAlternativeNames;
  /** The moment of issue; defaults to the current time. */
  now?: Date;
}

/** A random positive 16-byte serial (RFC 5280 §4.1.2.2: positive, at most 20 octets; CA/B asks for ≥ 64 random bits). */
export function randomSerialNumberHex(): string {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  // Clear the sign bit (positive INTEGER) and set the next one so DER keeps all 16 bytes.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  return bytesToHex(serial);
}

/** OID of id-kp-clientAuth (RFC 5280 §4.2.1.12). */
export const CLIENT_AUTH_OID = ExtendedKeyUsage.clientAuth;

function subjectAlternativeNameExtension(names: SubjectAlternativeNames | undefined): Extension[] {
  const entries = [
    ...(names?.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(names?.uris ?? []).map((value) => ({ type: "url" as const, value })),
  ];
  return entries.length > 0 ? [new SubjectAlternativeNameExtension(entries)] : [];
}

/**
 * Creates the self-signed X.509 v3 certificate Entra takes as a certificate credential:
 * sha256WithRSAEncryption, CA:FALSE, digitalSignature (critical), clientAuth, SKI and AKI.
 */
export async function createSelfSignedCertificate(options: SelfSignedCertificateOptions): Promise<X509Certificate> {
  const validityError = validateValidityDays(options.validityDays);
  if (validityError) throw new WorkbenchError("ERR_INVALID_VALIDITY", validityError);
  const sanError = options.subjectAlternativeNames && validateSubjectAlternativeNames(options.subjectAlternativeNames);
  if (sanError) throw new WorkbenchError("ERR_INVALID_SAN", sanError);

  const now = options.now ?? new Date();
  const name = buildSubjectName(options.subject);
  // Self-signed: the AKI names the same key as the SKI (RFC 5280 §4.2.1.1), so its SHA-1 key hash is computed once.
  const subjectKeyIdentifier = await SubjectKeyIdentifierExtension.create(options.keys.publicKey);
  return X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumberHex(),
    name,
    notBefore: new Date(now.getTime() - NOT_BEFORE_SKEW_MS),
    notAfter: new Date(now.getTime() + options.validityDays * 24 * 60 * 60 * 1000),
    signingAlgorithm: RSASSA_SHA256,
    keys: options.keys,
    extensions: [
      new BasicConstraintsExtension(false, undefined, false),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([CLIENT_AUTH_OID], false),
      subjectKeyIdentifier,
      new AuthorityKeyIdentifierExtension(subjectKeyIdentifier.keyId),
      ...subjectAlternativeNameExtension(options.subjectAlternativeNames),
    ],
  });
}

export function encodeCertificatePem(certificateDer: Uint8Array): string {
  return encodePem("CERTIFICATE", certificateDer);
}

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
  extensions: { name: string; critical: boolean; value: string }[];
  thumbprints: CertificateThumbprints;
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

function describeAlgorithm(algorithm: Algorithm & { hash?: Algorithm | string }): string {
  const hash = typeof algorithm.hash === "string" ? algorithm.hash : algorithm.hash?.name;
  const key = hash ? `${algorithm.name}/${hash}` : algorithm.name;
  return SIGNATURE_ALGORITHM_NAMES[key] ?? key;
}

/** The public key's algorithm and, for RSA, its modulus length, read from the SubjectPublicKeyInfo. */
export function describeSubjectPublicKeyInfo(spkiDer: Uint8Array): { algorithm: string; rsaKeyBits?: number } {
  const spki = AsnConvert.parse(toArrayBuffer(spkiDer), SubjectPublicKeyInfo);
  const oid = spki.algorithm.algorithm;
  if (oid !== id_rsaEncryption) {
    const names: Record<string, string> = { "1.2.840.10045.2.1": "EC", "1.2.840.10040.4.1": "DSA", "1.3.101.112": "Ed25519" };
    return { algorithm: names[oid] ?? `OID ${oid}` };
  }
  const rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
  let modulus = toBytes(rsa.modulus);
  while (modulus.length > 0 && modulus[0] === 0) modulus = modulus.subarray(1);
  const leading = modulus[0] ?? 0;
  return { algorithm: "RSA", rsaKeyBits: (modulus.length - 1) * 8 + (32 - Math.clz32(leading)) };
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

function describeExtension(extension: Extension): { name: string; value: string } {
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
    signatureAlgorithm: describeAlgorithm(certificate.signatureAlgorithm as Algorithm & { hash?: Algorithm }),
    extensions: certificate.extensions.map((extension) => ({ ...describeExtension(extension), critical: extension.critical })),
    thumbprints: await computeThumbprints(der),
  };
}

/** Parses a DER certificate, with a message the user can act on when it is not one. */
export function parseCertificateDer(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(toArrayBuffer(der));
  } catch (error) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This is not an X.509 certificate (its DER structure could not be read). Check that you chose the certificate file (.crt, .cer, .pem).", { cause: error });
  }
}

/**
 * For a self-issued certificate, whether its signature verifies with its own public key: a
 * damaged file can still parse, but then fails here. CA-issued certificates return undefined
 * (their issuer's key is not on the page).
 */
export async function verifySelfSignature(certificateDer: Uint8Array): Promise<boolean | undefined> {
  const certificate = parseCertificateDer(certificateDer);
  if (certificate.subject !== certificate.issuer) return undefined;
  try {
    return await certificate.verify({ publicKey: certificate.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}
