/**
 * ASN.1 schemas the @peculiar packages do not ship: the password-based encryption parameters of
 * RFC 8018 (PBES2, PBKDF2), RFC 7292 Appendix C (pkcs-12PbeParams) and CMS EncryptedData
 * (RFC 5652 §8). They are declared with @peculiar/asn1-schema, so DER is never written by hand.
 * The decorators are applied as plain calls because the project does not enable
 * `experimentalDecorators`.
 */
import { AsnObjectIdentifierConverter, AsnProp, AsnPropTypes, OctetString, type IAsnConvertible } from "@peculiar/asn1-schema";
import { EncryptedContentInfo, id_data, id_encryptedData } from "@peculiar/asn1-cms";
import {
  id_pbeWithSHAAnd128BitRC2_CBC,
  id_pbeWithSHAAnd2_KeyTripleDES_CBC,
  id_pbeWithSHAAnd3_KeyTripleDES_CBC,
  id_pbewithSHAAnd40BitRC2_CBC,
} from "@peculiar/asn1-pfx";
import { id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId } from "@peculiar/asn1-pkcs9";
import { id_sha1, id_sha256, id_sha384, id_sha512 } from "@peculiar/asn1-rsa";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";

/** RFC 8018 §A.4: `PBES2-params ::= SEQUENCE { keyDerivationFunc, encryptionScheme }`. */
export class Pbes2Params {
  keyDerivationFunc = new AlgorithmIdentifier();
  encryptionScheme = new AlgorithmIdentifier();
  constructor(params: Partial<Pbes2Params> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AlgorithmIdentifier })(Pbes2Params.prototype, "keyDerivationFunc");
AsnProp({ type: AlgorithmIdentifier })(Pbes2Params.prototype, "encryptionScheme");

/**
 * RFC 8018 §A.2: `PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, ... },
 * iterationCount INTEGER, keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }`.
 * Only the `specified` salt exists in practice (otherSource is "reserved for future versions").
 */
export class Pbkdf2Params {
  salt = new OctetString();
  iterationCount = 0;
  keyLength?: number;
  prf?: AlgorithmIdentifier;
  constructor(params: Partial<Pbkdf2Params> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: OctetString })(Pbkdf2Params.prototype, "salt");
AsnProp({ type: AsnPropTypes.Integer })(Pbkdf2Params.prototype, "iterationCount");
AsnProp({ type: AsnPropTypes.Integer, optional: true })(Pbkdf2Params.prototype, "keyLength");
AsnProp({ type: AlgorithmIdentifier, optional: true })(Pbkdf2Params.prototype, "prf");

/** RFC 7292 Appendix C: `pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }`. */
export class Pkcs12PbeParams {
  salt = new OctetString();
  iterations = 0;
  constructor(params: Partial<Pkcs12PbeParams> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: OctetString })(Pkcs12PbeParams.prototype, "salt");
AsnProp({ type: AsnPropTypes.Integer })(Pkcs12PbeParams.prototype, "iterations");

/**
 * RFC 5652 §8: `EncryptedData ::= SEQUENCE { version CMSVersion, encryptedContentInfo,
 * unprotectedAttrs [1] IMPLICIT OPTIONAL }` — the container PKCS#12 uses for password-encrypted
 * SafeContents (RFC 7292 §4.1). Version is 0 when there are no unprotected attributes.
 */
export class CmsEncryptedData {
  version = 0;
  encryptedContentInfo = new EncryptedContentInfo();
  constructor(params: Partial<CmsEncryptedData> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AsnPropTypes.Integer })(CmsEncryptedData.prototype, "version");
AsnProp({ type: EncryptedContentInfo })(CmsEncryptedData.prototype, "encryptedContentInfo");

/**
 * An OCTET STRING read in either BER form: primitive (DER, OpenSSL) or constructed (the
 * indefinite-length BER some Windows and Java tools write). asn1js joins the segments.
 */
export class BerOctetString implements IAsnConvertible {
  bytes = new Uint8Array(0);
  fromASN(asn: unknown): this {
    const value = asn as { getValue?: () => ArrayBuffer; idBlock?: { tagClass: number; tagNumber: number } };
    if (value.idBlock?.tagClass !== 1 || value.idBlock.tagNumber !== 4 || typeof value.getValue !== "function") {
      throw new TypeError("not an OCTET STRING");
    }
    this.bytes = new Uint8Array(value.getValue());
    return this;
  }
  toASN(): ReturnType<OctetString["toASN"]> {
    return new OctetString(this.bytes).toASN();
  }
  toSchema(name: string): ReturnType<OctetString["toSchema"]> {
    return new OctetString().toSchema(name);
  }
}

/** A bare OBJECT IDENTIFIER, e.g. the namedCurve parameters of an EC key (RFC 5480 §2.1.1). */
export class ObjectIdentifierValue {
  value = "";
  fromASN(asn: unknown): this {
    const block = asn as Parameters<typeof AsnObjectIdentifierConverter.fromASN>[0] & { idBlock?: { tagClass: number; tagNumber: number } };
    if (block.idBlock?.tagClass !== 1 || block.idBlock.tagNumber !== 6) throw new TypeError("not an OBJECT IDENTIFIER");
    this.value = AsnObjectIdentifierConverter.fromASN(block);
    return this;
  }
  toASN(): ReturnType<typeof AsnObjectIdentifierConverter.toASN> {
    return AsnObjectIdentifierConverter.toASN(this.value);
  }
}

/**
 * Object identifiers used by the formats, each with the RFC that assigns it. Those the @peculiar packages
 * export are taken from them; the rest (PBES2/PBKDF2 and their PRFs and ciphers) they do not ship.
 */
export const OID = {
  /** RFC 8018 §A.4 */
  pbes2: "1.2.840.113549.1.5.13",
  /** RFC 8018 §A.2 */
  pbkdf2: "1.2.840.113549.1.5.12",
  /** RFC 8018 §B.1 (PRFs) */
  hmacWithSHA1: "1.2.840.113549.2.7",
  hmacWithSHA256: "1.2.840.113549.2.9",
  hmacWithSHA384: "1.2.840.113549.2.10",
  hmacWithSHA512: "1.2.840.113549.2.11",
  /** RFC 8018 §B.2.5 / NIST CSOR */
  aes128Cbc: "2.16.840.1.101.3.4.1.2",
  aes192Cbc: "2.16.840.1.101.3.4.1.22",
  aes256Cbc: "2.16.840.1.101.3.4.1.42",
  /** RFC 8018 §B.2.2 */
  desEde3Cbc: "1.2.840.113549.3.7",
  /** RFC 7292 Appendix C */
  pbeWithSha1And3KeyTripleDesCbc: id_pbeWithSHAAnd3_KeyTripleDES_CBC,
  pbeWithSha1And2KeyTripleDesCbc: id_pbeWithSHAAnd2_KeyTripleDES_CBC,
  pbeWithSha1And128BitRc2Cbc: id_pbeWithSHAAnd128BitRC2_CBC,
  pbeWithSha1And40BitRc2Cbc: id_pbewithSHAAnd40BitRC2_CBC,
  /** RFC 5652 §4, §8 */
  data: id_data,
  encryptedData: id_encryptedData,
  /** NIST CSOR / RFC 3279 hash algorithms, used in the PKCS#12 MacData (RFC 7292 §4) */
  sha1: id_sha1,
  sha256: id_sha256,
  sha384: id_sha384,
  sha512: id_sha512,
  /** RFC 2985 §5.5.1, §5.5.2 (PKCS#9 attributes used by RFC 7292 §4.2) */
  friendlyName: id_pkcs9_at_friendlyName,
  localKeyId: id_pkcs9_at_localKeyId,
} as const;
