/**
 * What an import gives: the plain data `importCredentialMaterial` returns and `credentialFromImport`
 * turns into the page's credential. Types only, so neither of those two modules imports the other.
 */
import type { CertificateDetails } from "../certificate/describe";
import type { WorkbenchErrorCode } from "../errors";
import type { KeyInfo } from "./key-info";

export interface ImportInput {
  name?: string;
  bytes: Uint8Array;
}

export interface ImportedCertificate {
  der: Uint8Array;
  details: CertificateDetails;
}

export interface ImportSuccess {
  ok: true;
  privateKeyPkcs8Der?: Uint8Array;
  /** The key's certificate first when a key matches one; then the rest in file order. */
  certificates: ImportedCertificate[];
  keyInfo?: KeyInfo;
  /** Undefined when there is no key, no certificate, or the algorithm cannot be compared. */
  keyMatchesCertificate?: boolean;
  friendlyName?: string;
  warnings: string[];
  /**
   * Which of `warnings` say that a part did not come with this import, by code: the page drops
   * them once it pairs the import with the key or certificate it already holds.
   */
  missingPartWarnings: Partial<Record<MissingPartWarningCode, string>>;
}

/** "no_private_key": a certificate came alone; "no_certificate": a key came alone. */
export type MissingPartWarningCode = "no_private_key" | "no_certificate";

export interface ImportFailure {
  ok: false;
  message: string;
  code: WorkbenchErrorCode;
}

export type ImportResult = ImportSuccess | ImportFailure;
