import { signSelfSignedCertificate } from "../certificate/create";
import { describeSelfSignedCertificate } from "../certificate/describe-self-signed";
import type { SubjectAlternativeNames } from "../certificate/options";
import { createCertificateSigningRequest } from "../certificate/csr";
import type { SubjectFields } from "../certificate/subject";
import { exportPkcs8Der, generateRsaKeyPair, type RsaKeySize } from "../keys/rsa-keys";
import { recordStep, timeStep } from "../step-timing";
import { credentialFiles, primaryCredentialFiles, type Credential, type CredentialFiles } from "./credential";

/** What a certificate for a key the page just made is built from: the generate form's values. */
export interface CertifyGeneratedKeyOptions {
  subject: SubjectFields;
  validityDays: number;
  subjectAlternativeNames?: SubjectAlternativeNames;
  now?: Date;
}

/**
 * The key to certify: one made already (the key made in advance, keys/key-pool.ts, whose public half
 * was read then), or the size of one to make now.
 */
export type GenerateCredentialOptions = CertifyGeneratedKeyOptions & ({ keys: CryptoKeyPair; keySize?: undefined } | { keySize: RsaKeySize; keys?: undefined });

export type GenerationStage = "key" | "certificate" | "csr" | "thumbprints";

/**
 * How the caller follows a generation. The thumbprint is what the user waits for, so the CSR is made
 * only after `certified` has shown it and `shown` says it is on screen.
 */
export interface GenerationSteps {
  /** The step that starts now, for a progress line. */
  onStage?: (stage: GenerationStage) => void;
  /**
   * The certificate, its thumbprints and the files offered first (server.crt, server.cer, server.pem)
   * are ready. Returning false ends the generation there, without a CSR (the caller moved on meanwhile).
   */
  certified?: (credential: Credential, files: CredentialFiles) => boolean;
  /** Resolves once what `certified` showed is on screen; the CSR waits for it. */
  shown?: () => Promise<void>;
  /** server.csr is made: the same credential with it, and all its files. */
  signingRequestMade?: (credential: Credential, files: CredentialFiles) => void;
}

/**
 * The whole generate path of the seed's three OpenSSL commands (`genrsa`, `req -x509`, `req -new`):
 * key, self-signed certificate with its thumbprints, then the CSR. Returns the credential with its CSR,
 * or without one when `certified` ended the generation.
 */
export async function generateCredential(options: GenerateCredentialOptions, steps: GenerationSteps = {}): Promise<Credential> {
  const onStage = steps.onStage ?? (() => undefined);
  let keys: CryptoKeyPair;
  if (options.keys) keys = options.keys;
  else {
    const { keySize } = options;
    onStage("key");
    keys = await timeStep("key", () => generateRsaKeyPair(keySize));
  }
  const credential = await certifyGeneratedKey(keys, options, onStage);
  if (steps.certified) {
    const filesStart = performance.now();
    const files = primaryCredentialFiles(credential);
    recordStep("files", filesStart);
    if (!steps.certified(credential, files)) return credential;
  }
  if (steps.shown) await steps.shown();
  onStage("csr");
  const withRequest: Credential = { ...credential, csrDer: await createGeneratedKeySigningRequest(keys, options) };
  steps.signingRequestMade?.(withRequest, credentialFiles(withRequest));
  return withRequest;
}

/**
 * The path after the key: the certificate, its thumbprints and the key's PKCS#8, which is what the
 * page shows first. The key export runs alongside the certificate's signing (WebCrypto does both off
 * the main thread). No key↔certificate check is needed: the certificate was just signed with this very
 * key pair.
 */
export async function certifyGeneratedKey(
  keys: CryptoKeyPair,
  options: CertifyGeneratedKeyOptions,
  onStage: (stage: GenerationStage) => void = () => undefined,
): Promise<Credential> {
  onStage("certificate");
  const [certificate, pkcs8Der] = await Promise.all([
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
    key: { privateKey: keys.privateKey, pkcs8Der },
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
