import { createSelfSignedCertificate } from "./certificate/create";
import { describeCertificate, type CertificateDetails } from "./certificate/describe";
import { encodeCertificatePem } from "./certificate/parse";
import type { SubjectAlternativeNames } from "./certificate/subject-alternative-names";
import { CREDENTIAL_FILES, type FileName } from "./credential-files";
import { createCertificateSigningRequest, encodeCsrPem } from "./csr";
import { toBytes } from "./encoding";
import { exportPkcs8Der, generateRsaKeyPair, pkcs8ToPkcs1, type RsaKeySize } from "./keys";
import { encodeCertificateWithKeyPem } from "./formats/combined-pem";
import { encodePem } from "./pem";
import type { SubjectFields } from "./subject";

/**
 * A credential as the page holds it: the key (when the page has one), the certificate and what
 * can be saved. Everything but `privateKey` is plain data; the key stays a CryptoKey in memory.
 */
export interface Credential {
  /** RSASSA-PKCS1-v1_5/SHA-256 private key, extractable so the user can save it. */
  privateKey?: CryptoKey;
  privateKeyPkcs8Der?: Uint8Array;
  certificateDer: Uint8Array;
  certificateDetails: CertificateDetails;
  csrDer?: Uint8Array;
  origin: "generated" | "imported";
}

export interface GenerateCredentialOptions {
  keySize: RsaKeySize;
  subject: SubjectFields;
  validityDays: number;
  subjectAlternativeNames?: SubjectAlternativeNames;
  now?: Date;
}

export type GenerationStage = "key" | "certificate" | "csr" | "thumbprints";

/**
 * The whole generate path of the seed's three OpenSSL commands: key, self-signed certificate,
 * CSR and thumbprints. `onStage` reports progress for the UI.
 */
export async function generateCredential(
  options: GenerateCredentialOptions,
  onStage: (stage: GenerationStage) => void = () => undefined,
): Promise<Credential> {
  onStage("key");
  const keys = await generateRsaKeyPair(options.keySize);
  onStage("certificate");
  const certificate = await createSelfSignedCertificate({
    keys,
    subject: options.subject,
    validityDays: options.validityDays,
    subjectAlternativeNames: options.subjectAlternativeNames,
    now: options.now,
  });
  onStage("csr");
  const csrDer = await createCertificateSigningRequest({
    keys,
    subject: options.subject,
    subjectAlternativeNames: options.subjectAlternativeNames,
  });
  onStage("thumbprints");
  const [certificateDetails, privateKeyPkcs8Der] = await Promise.all([
    describeCertificate(certificate),
    exportPkcs8Der(keys.privateKey),
  ]);
  return {
    privateKey: keys.privateKey,
    privateKeyPkcs8Der,
    certificateDer: toBytes(certificate.rawData),
    certificateDetails,
    csrDer,
    origin: "generated",
  };
}

/**
 * The contents of the files the page offers without a password, by name; names, media types and
 * purposes are in credential-files.ts (CREDENTIAL_FILES).
 */
export type CredentialFiles = Record<FileName<"certificatePem">, string> &
  Record<FileName<"certificateDer">, Uint8Array> &
  Partial<Record<FileName<"privateKeyPem" | "privateKeyPkcs1Pem" | "keyWithCertificatePem" | "certificateSigningRequest">, string>>;

export function credentialFiles(credential: Credential): CredentialFiles {
  const { certificatePem, certificateDer, privateKeyPem, privateKeyPkcs1Pem, keyWithCertificatePem, certificateSigningRequest } = CREDENTIAL_FILES;
  const files: CredentialFiles = { [certificatePem.fileName]: encodeCertificatePem(credential.certificateDer), [certificateDer.fileName]: credential.certificateDer };
  if (credential.privateKeyPkcs8Der) {
    files[privateKeyPem.fileName] = encodePem("PRIVATE KEY", credential.privateKeyPkcs8Der);
    files[privateKeyPkcs1Pem.fileName] = encodePem("RSA PRIVATE KEY", pkcs8ToPkcs1(credential.privateKeyPkcs8Der));
    // Key then certificate in one PEM (az login --certificate, Azure Identity's CertificateCredential).
    files[keyWithCertificatePem.fileName] = encodeCertificateWithKeyPem(credential.privateKeyPkcs8Der, credential.certificateDer);
  }
  if (credential.csrDer) files[certificateSigningRequest.fileName] = encodeCsrPem(credential.csrDer);
  return files;
}
