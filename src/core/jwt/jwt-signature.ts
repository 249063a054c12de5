/**
 * Verifying a compact JWS's signature against a certificate (RFC 7515 §5.2) with jose, for the RSA
 * algorithms Entra accepts on a client assertion (RS256, PS256; RFC 7518 §3.3, §3.5).
 */
// jose and the X.509 parser are loaded by the first verification, not with the page: the Inspect panel and
// the JWT views import the inspection for its synchronous helpers, and the first screen's JavaScript stays light.
import { toBytes } from "../encoding";
import { describeError } from "../errors";
import { encodePem } from "../formats/pem";
import type { SignatureVerdict } from "../assertion/assertion-lint";

/** What the verification needs to know about the certificate, read once. */
export interface SigningCertificate {
  der: Uint8Array;
  subject: string;
  rsaKeyBits?: number;
}

/** The signature lengths of 2048-, 3072- and 4096-bit RSA keys. */
export const COMMON_RSA_SIGNATURE_BYTES = [256, 384, 512];

/** Reads the certificate to verify with, or the sentence saying why it cannot be used. */
export async function readSigningCertificate(certificateDer: Uint8Array): Promise<SigningCertificate | { problem: string }> {
  try {
    const [{ parseCertificateDer }, { describeSubjectPublicKeyInfo }] = await Promise.all([import("../certificate/parse"), import("../certificate/describe")]);
    const certificate = parseCertificateDer(certificateDer);
    const key = describeSubjectPublicKeyInfo(toBytes(certificate.publicKey.rawData));
    return { der: certificateDer, subject: certificate.subject, rsaKeyBits: key.rsaKeyBits };
  } catch (error) {
    return { problem: `Signature not checked: the certificate could not be read (${describeError(error)}).` };
  }
}

/**
 * Verifies `token` (compact form) with the certificate's public key. `alg` is the header's; `signatureBytes`
 * the decoded signature's length, judged first so a cut or padded token is named as such.
 */
export async function verifyWithCertificate(token: string, alg: string, signatureBytes: number, certificate: SigningCertificate): Promise<SignatureVerdict> {
  if (alg !== "RS256" && alg !== "PS256") {
    return { status: "unsupported", message: `Signature not checked: alg ${alg} cannot be checked against an RSA certificate; only RS256 and PS256 are verified here.` };
  }
  const { subject, rsaKeyBits: keyBits } = certificate;
  if (keyBits !== undefined) {
    // An RSA signature is exactly as long as the modulus (RFC 8017 §8.1.1, §8.2.1): any other length is not a changed token but a cut or padded one.
    const expected = Math.ceil(keyBits / 8);
    if (signatureBytes !== expected) {
      // A length that some RSA key makes means another key signed it; any other length means damage in transit.
      const cause = COMMON_RSA_SIGNATURE_BYTES.includes(signatureBytes)
        ? `it was signed by a different (${String(signatureBytes * 8)}-bit) key than this certificate's, so Entra would refuse it (AADSTS700027/50013)`
        : signatureBytes < expected
          ? "the token was cut short (truncated) when it was copied"
          : "something was appended to the token";
      return {
        status: "invalid",
        message: `Signature does not verify with the certificate ${subject}: it has ${String(signatureBytes)} bytes, but the certificate's ${String(keyBits)}-bit key makes ${String(expected)}-byte signatures — ${cause}.`,
      };
    }
  }
  const { compactVerify, errors: joseErrors, importX509 } = await import("jose");
  let key: CryptoKey;
  try {
    key = await importX509(encodePem("CERTIFICATE", certificate.der), alg);
  } catch (error) {
    return { status: "unsupported", message: `Signature not checked: the certificate's key cannot verify ${alg} (${describeError(error)}).` };
  }
  try {
    await compactVerify(token, key, { algorithms: [alg] });
    return { status: "valid", message: `Signature verifies with the certificate ${subject}: it was signed by that certificate's key and has not been changed.` };
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      return { status: "invalid", message: `Signature does not verify with the certificate ${subject}: the token was changed or signed by another key.` };
    }
    return { status: "unsupported", message: `Signature not checked: ${describeError(error)}` };
  }
}
