/**
 * Whether a certificate may replace the page's own: the rule that tells a CA-issued certificate for the
 * page's key from a damaged copy of the page's certificate. Both carry the page's public key, so the key
 * comparison alone cannot tell them apart (8 of 35 copies with one bit flipped passed it).
 */
import type { X509Certificate } from "@peculiar/x509";
import { bytesEqual, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";

function damagedCopy(current: X509Certificate, where: string): WorkbenchError {
  return new WorkbenchError(
    "ERR_UNSUPPORTED_FORMAT",
    `This certificate is a damaged copy of the one on this page (${current.subject}): ${where}, so some bytes were changed after it was signed. The page keeps its certificate. Save the certificate again from where it was made, or import the certificate your CA issued.`,
  );
}

/**
 * Throws when `candidate` must not replace `current` though it carries the same public key:
 * - it names the page's own subject as its issuer, so the page's key must have signed it
 *   (RFC 5280 §4.1.2.4, §6.1.3 (a)(1)) — it is refused unless its signature verifies with that key;
 * - it keeps the page's certificate's serial number and signature but not its bytes (a CA's certificate
 *   has its own serial and signature, RFC 5280 §4.1.2.2): a copy changed in its issuer or elsewhere.
 * The same certificate again is not a replacement and passes.
 */
export async function checkReplacementCertificate(current: X509Certificate, candidate: X509Certificate): Promise<void> {
  const currentDer = toBytes(current.rawData);
  if (bytesEqual(currentDer, toBytes(candidate.rawData))) return;
  if (candidate.issuer === current.subject) {
    let verifies = false;
    try {
      verifies = await candidate.verify({ publicKey: current.publicKey, signatureOnly: true });
    } catch {
      verifies = false;
    }
    if (!verifies) throw damagedCopy(current, "it names this page's certificate as its issuer, but its signature does not verify with this page's key");
  }
  if (candidate.serialNumber === current.serialNumber && bytesEqual(toBytes(candidate.signature), toBytes(current.signature))) {
    throw damagedCopy(current, "it has the same serial number and signature, but different contents");
  }
}
