import { createSelfSignedCertificate } from "../certificate/create";
import { describeCertificate } from "../certificate/describe";
import type { SubjectAlternativeNames } from "../certificate/options";
import type { Credential } from "./credential";
import { createCertificateSigningRequest } from "../certificate/csr";
import { toBytes } from "../encoding";
import { importRsaPrivateKey, RSASSA_SHA256, rsaModulusBits } from "../keys/rsa-keys";
import { assertEntraKeyRule } from "../keys/rsa-key-size";
import type { SubjectFields } from "../certificate/subject";

/** The public half of an RSA private key, from its modulus and exponent (RFC 7518 §6.3.1). */
async function publicKeyOf(privateKey: CryptoKey): Promise<CryptoKey> {
  const { kty, n, e } = await crypto.subtle.exportKey("jwk", privateKey);
  return crypto.subtle.importKey("jwk", { kty, n, e, ext: true }, RSASSA_SHA256, true, ["verify"]);
}

/**
 * Makes a self-signed certificate (and CSR) for an existing RSA key: the last two steps of the
 * OpenSSL recipe for a user who already ran `openssl genrsa`.
 */
export async function certifyExistingKey(options: {
  privateKeyPkcs8Der: Uint8Array;
  subject: SubjectFields;
  validityDays: number;
  subjectAlternativeNames?: SubjectAlternativeNames;
  now?: Date;
}): Promise<Credential> {
  const privateKey = await importRsaPrivateKey(options.privateKeyPkcs8Der);
  assertEntraKeyRule({ algorithm: "RSA", rsaKeyBits: rsaModulusBits(privateKey) });
  const keys: CryptoKeyPair = { privateKey, publicKey: await publicKeyOf(privateKey) };
  const certificate = await createSelfSignedCertificate({ keys, subject: options.subject, validityDays: options.validityDays, subjectAlternativeNames: options.subjectAlternativeNames, now: options.now });
  const csrDer = await createCertificateSigningRequest({ keys, subject: options.subject, subjectAlternativeNames: options.subjectAlternativeNames });
  return {
    key: { privateKey, pkcs8Der: options.privateKeyPkcs8Der },
    certificateDer: toBytes(certificate.rawData),
    certificateDetails: await describeCertificate(certificate),
    csrDer,
    origin: "imported",
  };
}
