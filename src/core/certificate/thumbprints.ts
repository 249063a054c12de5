import { bytesToBase64Url, bytesToHex, toArrayBuffer, toBytes } from "../encoding";

/** The four forms of a certificate's fingerprint that Entra, the portal and MSAL use. */
export interface CertificateThumbprints {
  /** SHA-1 of the DER certificate as 40 uppercase hex digits: what the Azure portal shows and MSAL's `thumbprint` takes. */
  sha1Hex: string;
  /** base64url(SHA-1(DER)): the JWS `x5t` header (RFC 7515 §4.1.7). */
  x5t: string;
  /** SHA-256 of the DER certificate as 64 uppercase hex digits. */
  sha256Hex: string;
  /** base64url(SHA-256(DER)): the JWS `x5t#S256` header (RFC 7515 §4.1.8). */
  x5tS256: string;
}

export async function computeThumbprints(certificateDer: Uint8Array): Promise<CertificateThumbprints> {
  const data = toArrayBuffer(certificateDer);
  const [sha1, sha256] = await Promise.all([
    crypto.subtle.digest("SHA-1", data).then(toBytes),
    crypto.subtle.digest("SHA-256", data).then(toBytes),
  ]);
  return {
    sha1Hex: bytesToHex(sha1).toUpperCase(),
    x5t: bytesToBase64Url(sha1),
    sha256Hex: bytesToHex(sha256).toUpperCase(),
    x5tS256: bytesToBase64Url(sha256),
  };
}
