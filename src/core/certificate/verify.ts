/** Checks a self-issued certificate's signature against its own key. */
import { parseCertificateDer } from "./parse";

/**
 * For a self-issued certificate, whether its signature verifies with its own public key: a
 * damaged file can still parse, but then fails here. CA-issued certificates return undefined
 * (their issuer's key is not on the page).
 */
export async function verifySelfSignature(certificateDer: Uint8Array): Promise<boolean | undefined> {
  const certificate = parseCertificateDer(certificateDer);
  if (certificate.subject !== certificate.issuer) return undefined;
  try {
    return await certificate.verify({ publicKey: certificate.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}
