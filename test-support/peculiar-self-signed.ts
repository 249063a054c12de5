// Test helper: the certificate as @peculiar/x509's own X509CertificateGenerator makes it from the same
// inputs (the way create.ts once made it), so the hand-laid-out DER of signSelfSignedCertificate
// is judged against a general ASN.1 encoder. RSASSA-PKCS1-v1_5 signatures are deterministic (RFC 8017
// §8.2.1), so with the same key, serial and moment both certificates must be the same bytes.
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PublicKey,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
  type X509Certificate,
} from "@peculiar/x509";
import { bytesToHex, toBytes } from "../src/core/encoding";
import { RSASSA_SHA256 } from "../src/core/keys/rsa-keys";
import type { SubjectAlternativeNames } from "../src/core/certificate/options";
import type { SubjectFields } from "../src/core/certificate/subject";
import { buildSubjectName } from "../src/core/certificate/subject-name";

export interface ReferenceCertificateOptions {
  keys: CryptoKeyPair;
  subject: SubjectFields;
  validityDays: number;
  subjectAlternativeNames?: SubjectAlternativeNames;
  now: Date;
  serialNumberHex: string;
}

export async function createReferenceSelfSignedCertificate(options: ReferenceCertificateOptions): Promise<X509Certificate> {
  const publicKey = new PublicKey(await crypto.subtle.exportKey("spki", options.keys.publicKey));
  const subjectKeyIdentifier = new SubjectKeyIdentifierExtension(bytesToHex(toBytes(await publicKey.getKeyIdentifier())));
  const names = [
    ...(options.subjectAlternativeNames?.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(options.subjectAlternativeNames?.uris ?? []).map((value) => ({ type: "url" as const, value })),
  ];
  const name = buildSubjectName(options.subject);
  return X509CertificateGenerator.create({
    serialNumber: options.serialNumberHex,
    subject: name,
    issuer: name,
    notBefore: new Date(options.now.getTime() - 5 * 60 * 1000),
    notAfter: new Date(options.now.getTime() + options.validityDays * 24 * 60 * 60 * 1000),
    signingAlgorithm: RSASSA_SHA256,
    publicKey,
    signingKey: options.keys.privateKey,
    extensions: [
      new BasicConstraintsExtension(false, undefined, false),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.clientAuth], false),
      subjectKeyIdentifier,
      new AuthorityKeyIdentifierExtension(subjectKeyIdentifier.keyId),
      ...(names.length > 0 ? [new SubjectAlternativeNameExtension(names)] : []),
    ],
  });
}
