/**
 * Describes a certificate the page has just signed from the parts it was made of, without parsing the
 * whole certificate back, so the thumbprint is shown right after the signature. The result is
 * the same CertificateDetails that describeCertificate gives for the parsed DER (describe-self-signed.test.ts).
 */
import { Name } from "@peculiar/x509";
import { toArrayBuffer } from "../encoding";
import { computeThumbprints } from "./thumbprints";
import { RSASSA_SHA256 } from "../keys/rsa-keys";
import type { SelfSignedCertificate } from "./create";
import { describeSignatureAlgorithm, type CertificateDetails } from "./describe";

export async function describeSelfSignedCertificate(certificate: SelfSignedCertificate): Promise<CertificateDetails> {
  // The digests run in WebCrypto while the fields below are read, as in describeCertificate.
  const thumbprints = computeThumbprints(certificate.der);
  thumbprints.catch(() => undefined);
  // The Name read back from its own DER, as a certificate parse reads it: the same RFC 4514 string.
  const name = new Name(toArrayBuffer(certificate.nameDer));
  const subject = name.toString();
  const { publicKeyInfo } = certificate;
  return {
    subject,
    commonName: name.getField("CN")[0],
    issuer: subject,
    selfIssued: true,
    serialNumberHex: certificate.serialNumberHex.toUpperCase(),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    publicKeyAlgorithm: publicKeyInfo.algorithm,
    rsaKeyBits: publicKeyInfo.rsaKeyBits,
    signatureAlgorithm: describeSignatureAlgorithm(RSASSA_SHA256),
    extensions: certificate.extensions.map((extension) => ({ ...extension.details })),
    thumbprints: await thumbprints,
  };
}
