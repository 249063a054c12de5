import type { CertificateDetails } from "../certificate/describe";
import { encodeCertificatePem } from "../certificate/parse";
import { CREDENTIAL_FILES, type FileName } from "./credential-files";
import { encodeCsrPem } from "../certificate/csr";
import { pkcs8ToPkcs1 } from "../formats/pkcs1";
import { encodeCertificateWithKeyPem } from "../formats/combined-pem";
import { encodePem } from "../formats/pem";

/**
 * The private key of a credential: the CryptoKey that signs and its PKCS#8 bytes (what the key files
 * are made of), always together, so a credential has both or neither.
 */
export interface CredentialKey {
  /** RSASSA-PKCS1-v1_5/SHA-256 private key, extractable so the user can save it. */
  privateKey: CryptoKey;
  pkcs8Der: Uint8Array;
}

/**
 * A credential as the page holds it: the key (when the page has one), the certificate and what
 * can be saved. Everything but the CryptoKey is plain data; the key stays a CryptoKey in memory.
 */
export interface Credential {
  key?: CredentialKey;
  certificateDer: Uint8Array;
  certificateDetails: CertificateDetails;
  csrDer?: Uint8Array;
  origin: "generated" | "imported";
}

/**
 * The contents of the files the page offers without a password, by name; names, media types and
 * purposes are in credential-files.ts (CREDENTIAL_FILES).
 */
export type CredentialFiles = Record<FileName<"certificatePem">, string> &
  Record<FileName<"certificateDer">, Uint8Array> &
  Partial<Record<FileName<"privateKeyPem" | "privateKeyPkcs1Pem" | "keyWithCertificatePem" | "certificateSigningRequest">, string>>;

export function credentialFiles(credential: Credential): CredentialFiles {
  const { privateKeyPkcs1Pem, keyWithCertificatePem, certificateSigningRequest } = CREDENTIAL_FILES;
  const files = primaryCredentialFiles(credential);
  if (credential.key) {
    files[privateKeyPkcs1Pem.fileName] = encodePem("RSA PRIVATE KEY", pkcs8ToPkcs1(credential.key.pkcs8Der));
    // Key then certificate in one PEM (az login --certificate, Azure Identity's CertificateCredential).
    files[keyWithCertificatePem.fileName] = encodeCertificateWithKeyPem(credential.key.pkcs8Der, credential.certificateDer);
  }
  if (credential.csrDer) files[certificateSigningRequest.fileName] = encodeCsrPem(credential.csrDer);
  return files;
}

/**
 * server.crt, server.cer and server.pem only: what step 2 offers first. Generate shows these with the
 * thumbprint and adds the rest (credentialFiles) with server.csr after that paint (generate-credential.ts).
 */
export function primaryCredentialFiles(credential: Credential): CredentialFiles {
  const { certificatePem, certificateDer, privateKeyPem } = CREDENTIAL_FILES;
  const files: CredentialFiles = { [certificatePem.fileName]: encodeCertificatePem(credential.certificateDer), [certificateDer.fileName]: credential.certificateDer };
  if (credential.key) files[privateKeyPem.fileName] = encodePem("PRIVATE KEY", credential.key.pkcs8Der);
  return files;
}
