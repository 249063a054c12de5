/**
 * What the import actions need from core, gathered in one module that import-slice.ts loads with
 * import() on the first import: the parsers, PKCS#12 and the X.509 library stay off the first
 * screen (issue 13).
 */
export { credentialFiles } from "@/core/credential/credential";
export { credentialFromImport, replaceCertificateIfKeyMatches } from "@/core/formats/credential-from-import";
export { verifySelfSignature } from "@/core/certificate/verify";
export { importRsaPrivateKey } from "@/core/keys/rsa-keys";
export { keyMatchesCertificate, privateKeySignsForCertificate } from "@/core/keys/key-match";
export { certifyExistingKey } from "@/core/credential/certify-key";
