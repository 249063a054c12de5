import { AsnConvert } from "@peculiar/asn1-schema";
import { PrivateKey, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { RSAPrivateKey, id_rsaEncryption } from "@peculiar/asn1-rsa";
import { toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";

/** PKCS#1 `RSAPrivateKey` DER (RFC 8017 §A.1.2), the payload inside the PKCS#8 wrapper. */
export function pkcs8ToPkcs1(pkcs8Der: Uint8Array): Uint8Array {
  const info = AsnConvert.parse(toArrayBuffer(pkcs8Der), PrivateKeyInfo);
  if (info.privateKeyAlgorithm.algorithm !== id_rsaEncryption) {
    throw new WorkbenchError("ERR_UNSUPPORTED_KEY", "This private key is not an RSA key; only RSA keys can be written as PKCS#1.");
  }
  return toBytes(info.privateKey.buffer);
}

/** Wraps a PKCS#1 `RSAPrivateKey` in PKCS#8 so WebCrypto can import it. */
export function pkcs1ToPkcs8(pkcs1Der: Uint8Array): Uint8Array {
  // Parse first so a non-RSA structure is refused here rather than deep inside WebCrypto.
  AsnConvert.parse(toArrayBuffer(pkcs1Der), RSAPrivateKey);
  const info = new PrivateKeyInfo({
    privateKeyAlgorithm: new AlgorithmIdentifier({ algorithm: id_rsaEncryption, parameters: null }),
    privateKey: new PrivateKey(toArrayBuffer(pkcs1Der)),
  });
  return toBytes(AsnConvert.serialize(info));
}
