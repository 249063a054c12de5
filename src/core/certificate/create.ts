/** Makes the self-signed certificate Entra takes as a certificate credential. */
import { bytesToHex } from "../encoding";
import { WorkbenchError } from "../errors";
import { RSASSA_SHA256 } from "../keys";
import { buildSubjectName } from "../subject-name";
import type { SubjectFields } from "../subject";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
  type X509Certificate,
} from "@peculiar/x509";
import { readPublicKeyInfo, type PublicKeyInfo } from "./public-key-info";
import { subjectAlternativeNameExtensions } from "./subject-alternative-names";
import { validateSubjectAlternativeNames, validateValidityDays, type SubjectAlternativeNames } from "./options";

export { DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS, MIN_VALIDITY_DAYS, validateValidityDays } from "./options";

/** notBefore is set this far in the past so a client whose clock runs slow still accepts the certificate. */
export const NOT_BEFORE_SKEW_MS = 5 * 60 * 1000;

export interface SelfSignedCertificateOptions {
  keys: CryptoKeyPair;
  subject: SubjectFields;
  validityDays: number;
  subjectAlternativeNames?: SubjectAlternativeNames;
  /** The moment of issue; defaults to the current time. */
  now?: Date;
  /** `keys.publicKey` read ahead (readPublicKeyInfo), for a key made in advance; read here when absent. */
  publicKeyInfo?: PublicKeyInfo;
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
  const { publicKey, keyIdentifierHex } = options.publicKeyInfo ?? (await readPublicKeyInfo(options.keys.publicKey));
  // Self-signed: the AKI names the same key as the SKI (RFC 5280 §4.2.1.1), so its SHA-1 key hash is computed once.
  const subjectKeyIdentifier = new SubjectKeyIdentifierExtension(keyIdentifierHex);
  // Issuer = subject, signed with the pair's own private key: what createSelfSigned does, but with the
  // public key already read, so the only WebCrypto call left is the signature.
  return X509CertificateGenerator.create({
    serialNumber: randomSerialNumberHex(),
    subject: name,
    issuer: name,
    notBefore: new Date(now.getTime() - NOT_BEFORE_SKEW_MS),
    notAfter: new Date(now.getTime() + options.validityDays * 24 * 60 * 60 * 1000),
    signingAlgorithm: RSASSA_SHA256,
    publicKey,
    signingKey: options.keys.privateKey,
    extensions: [
      new BasicConstraintsExtension(false, undefined, false),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([CLIENT_AUTH_OID], false),
      subjectKeyIdentifier,
      new AuthorityKeyIdentifierExtension(subjectKeyIdentifier.keyId),
      ...subjectAlternativeNameExtensions(options.subjectAlternativeNames),
    ],
  });
}
