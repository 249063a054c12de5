/**
 * PKCS#12 / PFX (RFC 7292) export in two profiles; import is pkcs12-import.ts.
 * ASN.1 comes from @peculiar/asn1-pfx / asn1-cms / asn1-pkcs8.
 */
import { EncryptedContent, EncryptedContentInfo, ContentInfo } from "@peculiar/asn1-cms";
import { EncryptedData, EncryptedPrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { AuthenticatedSafe, CertBag, id_certBag, id_pkcs8ShroudedKeyBag, id_x509Certificate, PFX, PKCS12Attribute, SafeBag, SafeContents } from "@peculiar/asn1-pfx";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { DirectoryString } from "@peculiar/asn1-x509";
import { toArrayBuffer, toBytes } from "../encoding";
import { CmsEncryptedData, OID } from "./asn1-schemas";
import { encryptPrivateKeyInfo } from "./encrypted-private-key";
import { encryptPbes2, encryptPkcs12Pbe, passwordBytes } from "./password-based-encryption";
import { createMacData } from "./pkcs12-mac";

/**
 * - `modern`: what OpenSSL 3 writes by default — key in a pkcs8ShroudedKeyBag and certificates in
 *   EncryptedData, both PBES2 / PBKDF2-HMAC-SHA-256 / AES-256-CBC; HMAC-SHA-256 MAC.
 * - `legacy`: what `openssl pkcs12 -export -legacy` writes and every Windows version opens —
 *   key pbeWithSHAAnd3-KeyTripleDES-CBC, certificates pbeWithSHAAnd40BitRC2-CBC, HMAC-SHA-1 MAC.
 */
export type Pkcs12Profile = "modern" | "legacy";

/** OpenSSL 3's PKCS12_DEFAULT_ITER, for encryption and MAC alike; .NET caps a PFX's total iterations at 600,000. */
export const DEFAULT_PKCS12_ITERATIONS = 2048;

export interface ExportPkcs12Options {
  privateKeyPkcs8Der: Uint8Array;
  certificateDer: Uint8Array;
  /** Issuer certificates to include after the leaf, if any. */
  chainDers?: Uint8Array[];
  password: string;
  profile: Pkcs12Profile;
  /** The `friendlyName` attribute (RFC 2985 §5.5.1): the name Windows shows in the certificate store. */
  friendlyName?: string;
  iterations?: number;
}

function attribute(attrId: string, value: ArrayBuffer): PKCS12Attribute {
  // Assigned after construction: PKCS12Attribute's constructor (asn1-pfx 2.x) drops its parameters.
  return Object.assign(new PKCS12Attribute(), { attrId, attrValues: [value] });
}

/** friendlyName (BMPString) and localKeyId (OCTET STRING) bag attributes, RFC 7292 §4.2 / RFC 2985 §5.5. */
function bagAttributes(localKeyId: Uint8Array, friendlyName: string | undefined): PKCS12Attribute[] {
  const attributes: PKCS12Attribute[] = [];
  if (friendlyName) attributes.push(attribute(OID.friendlyName, AsnConvert.serialize(new DirectoryString({ bmpString: friendlyName }))));
  attributes.push(attribute(OID.localKeyId, AsnConvert.serialize(new OctetString(localKeyId))));
  return attributes;
}

function certificateBag(der: Uint8Array, attributes?: PKCS12Attribute[]): SafeBag {
  const bag = new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(der)) });
  return new SafeBag({ bagId: id_certBag, bagValue: AsnConvert.serialize(bag), bagAttributes: attributes });
}

function dataContentInfo(content: Uint8Array): ContentInfo {
  return new ContentInfo({ contentType: OID.data, content: AsnConvert.serialize(new OctetString(content)) });
}

/**
 * Builds a password-protected PFX (RFC 7292 §4, password privacy and password integrity modes)
 * holding one key and its certificate, each bag carrying localKeyId = SHA-1 of the certificate
 * and the friendly name, as OpenSSL writes them.
 */
export async function exportPkcs12(options: ExportPkcs12Options): Promise<Uint8Array> {
  const iterations = options.iterations ?? DEFAULT_PKCS12_ITERATIONS;
  const password = passwordBytes(options.password);
  const localKeyId = toBytes(await crypto.subtle.digest("SHA-1", toArrayBuffer(options.certificateDer)));
  const attributes = bagAttributes(localKeyId, options.friendlyName);

  const certificates = new SafeContents([
    certificateBag(options.certificateDer, attributes),
    ...(options.chainDers ?? []).map((der) => certificateBag(der)),
  ]);
  const certificatesDer = toBytes(AsnConvert.serialize(certificates));
  const encryptedCertificates = options.profile === "modern"
    ? await encryptPbes2(certificatesDer, password, { iterations, saltBytes: 8 })
    : await encryptPkcs12Pbe(certificatesDer, password, "pbeWithSHAAnd40BitRC2-CBC", iterations);
  const encryptedData = new CmsEncryptedData({
    version: 0,
    encryptedContentInfo: new EncryptedContentInfo({
      contentType: OID.data,
      contentEncryptionAlgorithm: encryptedCertificates.algorithm,
      encryptedContent: new EncryptedContent({ value: new OctetString(encryptedCertificates.ciphertext) }),
    }),
  });

  let shroudedKey: Uint8Array;
  if (options.profile === "modern") {
    shroudedKey = await encryptPrivateKeyInfo(options.privateKeyPkcs8Der, password, iterations, 8);
  } else {
    const { algorithm, ciphertext } = await encryptPkcs12Pbe(options.privateKeyPkcs8Der, password, "pbeWithSHAAnd3-KeyTripleDES-CBC", iterations);
    shroudedKey = toBytes(AsnConvert.serialize(new EncryptedPrivateKeyInfo({ encryptionAlgorithm: algorithm, encryptedData: new EncryptedData(ciphertext) })));
  }
  const keyContents = new SafeContents([new SafeBag({ bagId: id_pkcs8ShroudedKeyBag, bagValue: toArrayBuffer(shroudedKey), bagAttributes: attributes })]);

  // Certificates first, then the key: the order OpenSSL's PKCS12_create uses.
  const authenticatedSafe = new AuthenticatedSafe([
    new ContentInfo({ contentType: OID.encryptedData, content: AsnConvert.serialize(encryptedData) }),
    dataContentInfo(toBytes(AsnConvert.serialize(keyContents))),
  ]);
  const authSafeDer = toBytes(AsnConvert.serialize(authenticatedSafe));
  const macData = await createMacData(authSafeDer, password, options.profile === "modern" ? "SHA-256" : "SHA-1", iterations);
  return toBytes(AsnConvert.serialize(new PFX({ version: 3, authSafe: dataContentInfo(authSafeDer), macData })));
}
