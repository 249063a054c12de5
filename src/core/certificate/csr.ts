import { RSASSA_SHA256 } from "../keys/rsa-keys";
import { encodePem } from "../formats/pem";
import { buildSubjectName } from "./subject-name";
import type { SubjectFields } from "./subject";
import { toBytes } from "../encoding";
import {
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequestGenerator,
  ExtendedKeyUsage,
} from "@peculiar/x509";
import type { SubjectAlternativeNames } from "./options";
import { subjectAlternativeNameExtensions } from "./subject-alternative-names";

/**
 * Creates a PKCS#10 certificate signing request (RFC 2986) for the same subject, signed by the key:
 * the seed recipe's `server.csr`, for users who want a CA to sign instead.
 */
export async function createCertificateSigningRequest(options: {
  keys: CryptoKeyPair;
  subject: SubjectFields;
  subjectAlternativeNames?: SubjectAlternativeNames;
}): Promise<Uint8Array> {
  const request = await Pkcs10CertificateRequestGenerator.create({
    name: buildSubjectName(options.subject),
    keys: options.keys,
    signingAlgorithm: RSASSA_SHA256,
    extensions: [
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.clientAuth], false),
      ...subjectAlternativeNameExtensions(options.subjectAlternativeNames),
    ],
  });
  return toBytes(request.rawData);
}

export function encodeCsrPem(csrDer: Uint8Array): string {
  return encodePem("CERTIFICATE REQUEST", csrDer);
}
