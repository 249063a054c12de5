/**
 * A lazily loaded entry: what Generate needs from core (certificates, CSRs and their ASN.1, which is
 * @peculiar/x509), in one module kept out of the first screen's JavaScript. load-generate-entry.ts
 * loads it right after the first paint, or on the first Generate, whichever comes first.
 */
export { generateCredential } from "@/core/credential/generate-credential";
export { readPublicKeyInfo } from "@/core/certificate/public-key-info";
