/** Makes the self-signed certificate Entra takes as a certificate credential. */
import { bytesToHex } from "../encoding";
import { WorkbenchError } from "../errors";
import { RSASSA_SHA256 } from "../keys";
import { buildSubjectName, type SubjectFields } from "../subject";
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
import { subjectAlternativeNameExtensions, validateSubjectAlternativeNames, type SubjectAlternativeNames } from "./subject-alternative-names";

export const MIN_VALIDITY_DAYS = 1;
export const MAX_VALIDITY_DAYS = 3650;
export const DEFAULT_VALIDITY_DAYS = 365;
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

export function validateValidityDays(days: number): string | undefined {
  if (!Number.isInteger(days) || days < MIN_VALIDITY_DAYS || days > MAX_VALIDITY_DAYS) {
    return `Validity must be a whole number of days from ${String(MIN_VALIDITY_DAYS)} to ${String(MAX_VALIDITY_DAYS)} (Entra's portal accepts up to 10 years); 365 is the usual choice.`;
  }
  return undefined;
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
  const { publicKey } = options.keys;
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
      await SubjectKeyIdentifierExtension.create(publicKey),
      await AuthorityKeyIdentifierExtension.create(publicKey),
      ...subjectAlternativeNameExtensions(options.subjectAlternativeNames),
    ],
  });
}
