/**
 * Turns an import into the Credential the page holds, and swaps in a CA-signed certificate for the
 * self-signed one when it carries the same public key.
 */
import { describeCertificate } from "../certificate/describe";
import { parseCertificateDer } from "../certificate/parse";
import type { Credential, CredentialKey } from "../credential/credential";
import { toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { assertKeyMatchesCertificate, keyMismatchError } from "../keys/key-match";
import { importRsaPrivateKey } from "../keys/rsa-keys";
import type { ImportResult } from "./import-result";
import { checkReplacementCertificate } from "./replacement-certificate";

/**
 * Builds the page's Credential from a successful import: the key (when it is RSA ≥ 2048 bits)
 * imported as an extractable RSASSA-PKCS1-v1_5/SHA-256 CryptoKey, and the first certificate.
 * Throws ERR_KEY_MISMATCH when the key is not the certificate's, ERR_CERTIFICATE_REQUIRED
 * when there is no certificate, or the import's own code when it failed.
 */
export async function credentialFromImport(result: ImportResult): Promise<Credential> {
  if (!result.ok) throw new WorkbenchError(result.code, result.message);
  const [leaf] = result.certificates;
  if (!leaf) {
    throw new WorkbenchError("ERR_CERTIFICATE_REQUIRED", "A key alone is not a certificate credential: import the certificate issued for this key too (or a PFX that holds both), or create a certificate for it.");
  }
  if (result.keyMatchesCertificate === false) throw keyMismatchError();
  const usableKey = result.privateKeyPkcs8Der && result.keyInfo?.usableForEntra ? result.privateKeyPkcs8Der : undefined;
  let key: CredentialKey | undefined;
  if (usableKey) {
    try {
      key = { privateKey: await importRsaPrivateKey(usableKey), pkcs8Der: usableKey };
    } catch (error) {
      throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This RSA private key could not be loaded: it is damaged. Export it again from where it was made.", { cause: error });
    }
  }
  return {
    key,
    certificateDer: leaf.der,
    certificateDetails: leaf.details,
    origin: "imported",
  };
}


/**
 * Replaces the page's certificate with `newCertificateDer` (typically the CA-signed certificate
 * issued from the page's CSR) when its public key is the page's key; the key and CSR stay.
 * Throws ERR_KEY_MISMATCH otherwise (and when the page holds no key to check it against), and
 * ERR_UNSUPPORTED_FORMAT for a damaged copy of the page's own certificate (replacement-certificate.ts).
 */
export async function replaceCertificateIfKeyMatches(current: Credential, newCertificateDer: Uint8Array): Promise<Credential> {
  const certificate = parseCertificateDer(newCertificateDer);
  const pkcs8 = current.key?.pkcs8Der;
  if (!pkcs8) {
    throw new WorkbenchError("ERR_KEY_MISMATCH", "There is no private key on this page to check this certificate against: import the certificate together with its key (or a PFX that holds both).");
  }
  await assertKeyMatchesCertificate(pkcs8, newCertificateDer);
  await checkReplacementCertificate(parseCertificateDer(current.certificateDer), certificate);
  return { ...current, certificateDer: toBytes(certificate.rawData), certificateDetails: await describeCertificate(certificate) };
}
