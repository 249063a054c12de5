/**
 * A lazily loaded entry: what the import actions need from core, in one module that import-slice.ts
 * loads with import() on the first import, so the parsers, PKCS#12 and the X.509 library stay out of
 * the first screen's JavaScript.
 */
export { credentialFiles } from "@/core/credential/credential";
export { credentialFromImport, replaceCertificateIfKeyMatches } from "@/core/formats/credential-from-import";
export { verifySelfSignature } from "@/core/certificate/verify";
export { importRsaPrivateKey } from "@/core/keys/rsa-keys";
export { keyMatchesCertificate, privateKeySignsForCertificate } from "@/core/keys/key-match";
export { certifyExistingKey } from "@/core/credential/certify-key";
