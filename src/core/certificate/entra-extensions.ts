/**
 * The extensions of the certificate Entra takes as a credential, each encoded once and described the
 * way describeCertificate describes a parsed one. The generate path puts `der` straight into
 * the TBSCertificate and shows `details` without parsing the certificate it just made.
 */
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  type Extension,
  ExtensionFactory,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
} from "@peculiar/x509";
import { toBytes } from "../encoding";
import { describeExtension, type ExtensionDetails } from "./describe";
import type { SubjectAlternativeNames } from "./options";
import { subjectAlternativeNameExtensions } from "./subject-alternative-names";

/** An Extension (RFC 5280 §4.1) as DER, with what a parsed certificate would show for it. */
export interface EncodedExtension {
  der: Uint8Array;
  details: ExtensionDetails;
}

/** OID of id-kp-clientAuth (RFC 5280 §4.2.1.12). */
export const CLIENT_AUTH_OID = ExtendedKeyUsage.clientAuth;

/**
 * Encodes an extension and describes it from its own DER, read back through the same ExtensionFactory a
 * certificate parse uses: an instance built from a constructor may lack parsed fields (a SAN's `names`).
 */
function encodeExtension(extension: Extension): EncodedExtension {
  const der = toBytes(extension.rawData);
  return { der, details: describeExtension(ExtensionFactory.create(extension.rawData)) };
}

let fixedExtensions: readonly EncodedExtension[] | undefined;

/**
 * The extensions every such certificate carries, in this order: basicConstraints CA:FALSE, not
 * critical (RFC 5280 §4.2.1.9: an end entity); keyUsage digitalSignature, critical (§4.2.1.3: the key
 * signs client assertions); extKeyUsage clientAuth (§4.2.1.12). The same bytes each time, so built once.
 */
export function fixedCredentialExtensions(): readonly EncodedExtension[] {
  fixedExtensions ??= [
    new BasicConstraintsExtension(false, undefined, false),
    new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
    new ExtendedKeyUsageExtension([CLIENT_AUTH_OID], false),
  ].map(encodeExtension);
  return fixedExtensions;
}

/**
 * subjectKeyIdentifier (RFC 5280 §4.2.1.2) and authorityKeyIdentifier with the same keyIdentifier: the
 * certificate is self-signed, so its issuer's key is its own (§4.2.1.1). Depends only on the public key,
 * so a key made ahead has these built while the page is idle (readPublicKeyInfo).
 */
export function keyIdentifierExtensions(keyIdentifierHex: string): EncodedExtension[] {
  const subjectKeyIdentifier = new SubjectKeyIdentifierExtension(keyIdentifierHex);
  return [subjectKeyIdentifier, new AuthorityKeyIdentifierExtension(subjectKeyIdentifier.keyId)].map(encodeExtension);
}

/** subjectAltName for these names, or none when there are none (RFC 5280 §4.2.1.6: never empty). */
export function subjectAlternativeNameExtension(names: SubjectAlternativeNames | undefined): EncodedExtension[] {
  return subjectAlternativeNameExtensions(names).map(encodeExtension);
}
