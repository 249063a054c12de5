import { signSelfSignedCertificate } from "../certificate/create";
import type { CertificateDetails } from "../certificate/describe";
import { describeSelfSignedCertificate } from "../certificate/describe-self-signed";
import { encodeCertificatePem } from "../certificate/parse";
import type { SubjectAlternativeNames } from "../certificate/options";
import { CREDENTIAL_FILES, type FileName } from "./credential-files";
import { createCertificateSigningRequest, encodeCsrPem } from "../certificate/csr";
import { exportPkcs8Der, generateRsaKeyPair, type RsaKeySize } from "../keys/rsa-keys";
import { pkcs8ToPkcs1 } from "../formats/pkcs1";
import { encodeCertificateWithKeyPem } from "../formats/combined-pem";
import { encodePem } from "../formats/pem";
import { timeStep } from "../step-timing";
import type { SubjectFields } from "../certificate/subject";

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
 * What a certificate for a key the page just made is built from: the form's values. A key made in
 * advance had its public half read then (issue 13: store/key-prefetch.ts); the certificate finds it
 * by the key (certificate/public-key-info.ts).
 */
export type CertifyGeneratedKeyOptions = Omit<GenerateCredentialOptions, "keySize">;

/**
 * The whole generate path of the seed's three OpenSSL commands: key, self-signed certificate,
 * CSR and thumbprints. `onStage` reports progress for the UI.
 */
export async function generateCredential(
  options: GenerateCredentialOptions,
  onStage: (stage: GenerationStage) => void = () => undefined,
): Promise<Credential> {
  onStage("key");
  const keys = await timeStep("key", () => generateRsaKeyPair(options.keySize));
  const credential = await certifyGeneratedKey(keys, options, onStage);
  onStage("csr");
  return { ...credential, csrDer: await createGeneratedKeySigningRequest(keys, options) };
}

/**
 * The fast path after the key (issue 13): the certificate, its thumbprints and the key's PKCS#8,
 * which is what the page shows first. The key export runs alongside the certificate's signing
 * (WebCrypto does both off the main thread). The CSR is left out so the thumbprint can be painted
 * first; `createGeneratedKeySigningRequest` adds it after. No key↔certificate check is needed: the
 * certificate was just signed with this very key pair.
 */
export async function certifyGeneratedKey(
  keys: CryptoKeyPair,
  options: CertifyGeneratedKeyOptions,
  onStage: (stage: GenerationStage) => void = () => undefined,
): Promise<Credential> {
  onStage("certificate");
  const [certificate, privateKeyPkcs8Der] = await Promise.all([
    timeStep("certificate", () =>
      signSelfSignedCertificate({
        keys,
        subject: options.subject,
        validityDays: options.validityDays,
        subjectAlternativeNames: options.subjectAlternativeNames,
        now: options.now,
      }),
    ),
    timeStep("export-pkcs8", () => exportPkcs8Der(keys.privateKey)),
  ]);
  onStage("thumbprints");
  // Described from the parts just encoded: no parse of the certificate it just made.
  const certificateDetails = await timeStep("thumbprints", () => describeSelfSignedCertificate(certificate));
  return {
    privateKey: keys.privateKey,
    privateKeyPkcs8Der,
    certificateDer: certificate.der,
    certificateDetails,
    origin: "generated",
  };
}

/** The PKCS#10 request (server.csr) for a generated key, with the same subject and SANs as its certificate. */
export async function createGeneratedKeySigningRequest(keys: CryptoKeyPair, options: CertifyGeneratedKeyOptions): Promise<Uint8Array> {
  return timeStep("csr", () =>
    createCertificateSigningRequest({ keys, subject: options.subject, subjectAlternativeNames: options.subjectAlternativeNames }),
  );
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
  if (credential.privateKeyPkcs8Der) {
    files[privateKeyPkcs1Pem.fileName] = encodePem("RSA PRIVATE KEY", pkcs8ToPkcs1(credential.privateKeyPkcs8Der));
    // Key then certificate in one PEM (az login --certificate, Azure Identity's CertificateCredential).
    files[keyWithCertificatePem.fileName] = encodeCertificateWithKeyPem(credential.privateKeyPkcs8Der, credential.certificateDer);
  }
  if (credential.csrDer) files[certificateSigningRequest.fileName] = encodeCsrPem(credential.csrDer);
  return files;
}

/**
 * server.crt, server.cer and server.pem only: what step 2 offers first. Generate shows these with the
 * thumbprint and adds the rest (credentialFiles) with server.csr after that paint (issue 13).
 */
export function primaryCredentialFiles(credential: Credential): CredentialFiles {
  const { certificatePem, certificateDer, privateKeyPem } = CREDENTIAL_FILES;
  const files: CredentialFiles = { [certificatePem.fileName]: encodeCertificatePem(credential.certificateDer), [certificateDer.fileName]: credential.certificateDer };
  if (credential.privateKeyPkcs8Der) files[privateKeyPem.fileName] = encodePem("PRIVATE KEY", credential.privateKeyPkcs8Der);
  return files;
}
