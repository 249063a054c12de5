/** Makes the self-signed certificate Entra takes as a certificate credential. */
import type { X509Certificate } from "@peculiar/x509";
import { bytesToHex, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { RSASSA_SHA256 } from "../keys/rsa-keys";
import { buildSubjectName } from "./subject-name";
import type { SubjectFields } from "./subject";
import { derBitString, derPositiveInteger, derTlv, derValidityTime, DER_TAG, toWholeSeconds } from "./der-writer";
import { fixedCredentialExtensions, subjectAlternativeNameExtension, type EncodedExtension } from "./entra-extensions";
import { validateSubjectAlternativeNames, validateValidityDays, type SubjectAlternativeNames } from "./options";
import { parseCertificateDer } from "./parse";
import { publicKeyInfoReadAhead, readPublicKeyInfo, type PublicKeyInfo } from "./public-key-info";


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

/** A certificate just made, with the parts it was made from, so it can be described without parsing it. */
export interface SelfSignedCertificate {
  /** The Certificate (RFC 5280 §4.1), DER. */
  der: Uint8Array;
  /** The Name used as both subject and issuer, DER. */
  nameDer: Uint8Array;
  /** The serial number's octets as hex, lowercase, as a parser reads them back (no sign octet). */
  serialNumberHex: string;
  /** The validity as encoded: whole seconds. */
  notBefore: Date;
  notAfter: Date;
  /** The extensions in the order they are in the certificate. */
  extensions: readonly EncodedExtension[];
  publicKeyInfo: PublicKeyInfo;
}

/** A random positive 16-byte serial (RFC 5280 §4.1.2.2: positive, at most 20 octets; CA/B asks for ≥ 64 random bits). */
function randomSerialNumber(): Uint8Array {
  const serial = crypto.getRandomValues(new Uint8Array(16));
  // Clear the sign bit (positive INTEGER) and set the next one so DER keeps all 16 bytes.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  return serial;
}

/** version [0] EXPLICIT INTEGER 2: v3, since the certificate has extensions (RFC 5280 §4.1.2.1). */
const VERSION_V3 = Uint8Array.of(0xa0, 0x03, 0x02, 0x01, 0x02);

/**
 * AlgorithmIdentifier sha256WithRSAEncryption (1.2.840.113549.1.1.11) with NULL parameters, as RFC 4055 §5
 * requires for it; the same value goes in the TBSCertificate's `signature` and the Certificate's
 * `signatureAlgorithm` (RFC 5280 §4.1.1.2).
 */
const SHA256_WITH_RSA_ENCRYPTION = Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00);

/** Context tag [3] EXPLICIT of the TBSCertificate's extensions (RFC 5280 §4.1). */
const EXTENSIONS_TAG = 0xa3;

function assertSha256RsaKey(privateKey: CryptoKey): void {
  const algorithm = privateKey.algorithm as Partial<RsaHashedKeyAlgorithm>;
  if (algorithm.name !== RSASSA_SHA256.name || algorithm.hash?.name !== "SHA-256") {
    throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This key cannot sign the certificate: it must be an RSA key for RSASSA-PKCS1-v1_5 with SHA-256. Generate a new key or import an RSA private key.");
  }
}

/**
 * Creates the self-signed X.509 v3 certificate Entra takes as a certificate credential:
 * sha256WithRSAEncryption, CA:FALSE, digitalSignature (critical), clientAuth, SKI and AKI, and the
 * SANs when given. The TBSCertificate is laid out directly from parts already encoded (the public
 * key's read ahead), so the only WebCrypto call is the signature and nothing is parsed back: the
 * thumbprint is on screen sooner after the click.
 */
export async function signSelfSignedCertificate(options: SelfSignedCertificateOptions): Promise<SelfSignedCertificate> {
  const validityError = validateValidityDays(options.validityDays);
  if (validityError) throw new WorkbenchError("ERR_INVALID_VALIDITY", validityError);
  const sanError = options.subjectAlternativeNames && validateSubjectAlternativeNames(options.subjectAlternativeNames);
  if (sanError) throw new WorkbenchError("ERR_INVALID_SAN", sanError);
  assertSha256RsaKey(options.keys.privateKey);

  const now = options.now ?? new Date();
  const nameDer = toBytes(buildSubjectName(options.subject).toArrayBuffer());
  // A key made in advance had its public half read then (keys/key-pool.ts), found here by the key itself.
  const publicKeyInfo = publicKeyInfoReadAhead(options.keys.publicKey) ?? (await readPublicKeyInfo(options.keys.publicKey));
  const serialNumber = randomSerialNumber();
  const notBefore = toWholeSeconds(new Date(now.getTime() - NOT_BEFORE_SKEW_MS));
  const notAfter = toWholeSeconds(new Date(now.getTime() + options.validityDays * 24 * 60 * 60 * 1000));
  const extensions = [...fixedCredentialExtensions(), ...publicKeyInfo.keyIdentifierExtensions, ...subjectAlternativeNameExtension(options.subjectAlternativeNames)];

  // TBSCertificate (RFC 5280 §4.1): version, serialNumber, signature, issuer, validity, subject,
  // subjectPublicKeyInfo, extensions. Self-signed: issuer = subject (§4.1.2.4, §4.1.2.6).
  const tbsCertificate = derTlv(DER_TAG.sequence, [
    VERSION_V3,
    derPositiveInteger(serialNumber),
    SHA256_WITH_RSA_ENCRYPTION,
    nameDer,
    derTlv(DER_TAG.sequence, [derValidityTime(notBefore), derValidityTime(notAfter)]),
    nameDer,
    publicKeyInfo.spkiDer,
    derTlv(EXTENSIONS_TAG, [derTlv(DER_TAG.sequence, extensions.map((extension) => extension.der))]),
  ]);
  const signature = toBytes(await crypto.subtle.sign(RSASSA_SHA256, options.keys.privateKey, tbsCertificate));
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1.1).
  const der = derTlv(DER_TAG.sequence, [tbsCertificate, SHA256_WITH_RSA_ENCRYPTION, derBitString(signature)]);
  return { der, nameDer, serialNumberHex: bytesToHex(serialNumber), notBefore, notAfter, extensions, publicKeyInfo };
}

/** The same certificate as signSelfSignedCertificate, parsed, for callers that read it as an X509Certificate. */
export async function createSelfSignedCertificate(options: SelfSignedCertificateOptions): Promise<X509Certificate> {
  return parseCertificateDer((await signSelfSignedCertificate(options)).der);
}
