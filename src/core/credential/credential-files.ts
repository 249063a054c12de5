/**
 * Every file the page offers to save, in one list: its name (as the seed recipe names them), its media
 * type, and what it is for. The store and the panels take names, types and descriptions from here: a
 * purpose is written once, for the download button's tooltip and for the sentence beside it.
 */

/** PEM text (RFC 7468); no registered media type, this is the one browsers and tools use. */
const PEM = "application/x-pem-file";

export interface CredentialFileKind {
  fileName: string;
  /** The media type the download is saved with. */
  mimeType: string;
  /** What the file is for, in one sentence (the button's tooltip). */
  purpose: string;
  /** Whether the file holds the private key: saving it counts as saving the key. */
  holdsPrivateKey: boolean;
}

export const CREDENTIAL_FILES = {
  certificatePem: { fileName: "server.crt", mimeType: PEM, holdsPrivateKey: false, purpose: "The certificate (PEM): upload it to your app registration." },
  // application/pkix-cert: a DER certificate (RFC 2585 §4.1).
  certificateDer: { fileName: "server.cer", mimeType: "application/pkix-cert", holdsPrivateKey: false, purpose: "The certificate (DER), what the portal's upload dialog offers first." },
  privateKeyPem: { fileName: "server.pem", mimeType: PEM, holdsPrivateKey: true, purpose: "Your private key (PKCS#8 PEM): keep it secret; MSAL reads it." },
  privateKeyPkcs1Pem: { fileName: "server-rsa.pem", mimeType: PEM, holdsPrivateKey: true, purpose: "The private key as PKCS#1 (BEGIN RSA PRIVATE KEY), for older tools." },
  keyWithCertificatePem: { fileName: "server-with-key.pem", mimeType: PEM, holdsPrivateKey: true, purpose: "Key and certificate in one PEM: az login --certificate, Azure Identity's CertificateCredential." },
  certificateSigningRequest: { fileName: "server.csr", mimeType: PEM, holdsPrivateKey: false, purpose: "A certificate signing request, for a certificate authority to sign instead." },
  // application/x-pkcs12: the type Windows and browsers register for .pfx/.p12 (RFC 7292 names none).
  pfx: { fileName: "server.pfx", mimeType: "application/x-pkcs12", holdsPrivateKey: true, purpose: "Key and certificate in a password-protected PKCS#12 file: .NET, Windows, Key Vault." },
  encryptedPrivateKeyPem: { fileName: "server-encrypted.pem", mimeType: PEM, holdsPrivateKey: true, purpose: "The private key encrypted with a password (PKCS#8 ENCRYPTED PRIVATE KEY)." },
  // text/calendar: iCalendar (RFC 5545 §8.1).
  rotationReminder: { fileName: "rotate-certificate.ics", mimeType: "text/calendar", holdsPrivateKey: false, purpose: "A calendar reminder to rotate the certificate before it expires." },
} as const satisfies Record<string, CredentialFileKind>;

export type CredentialFileId = keyof typeof CREDENTIAL_FILES;

/** The literal file name of a file in the list, e.g. FileName<"certificatePem"> is "server.crt". */
export type FileName<Id extends CredentialFileId> = (typeof CREDENTIAL_FILES)[Id]["fileName"];

/** The name and media type to save a file under, e.g. `{ ...fileNameAndType(CREDENTIAL_FILES.pfx), contents }`. */
export function fileNameAndType(kind: CredentialFileKind): { fileName: string; mimeType: string } {
  return { fileName: kind.fileName, mimeType: kind.mimeType };
}
