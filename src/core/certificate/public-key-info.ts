/**
 * The public half of a key pair, read once: its SubjectPublicKeyInfo, key identifier and the two
 * extensions that carry it. A key made in advance for Generate (issue 13) has all of this read while
 * the page is idle, so the click only lays out and signs the certificate. All of it is public by
 * definition (it is in the certificate); the private key is not touched.
 */
import { PublicKey } from "@peculiar/x509";
import { bytesToHex, toBytes } from "../encoding";
import { describeSubjectPublicKeyInfo } from "./describe";
import { keyIdentifierExtensions, type EncodedExtension } from "./entra-extensions";

export interface PublicKeyInfo {
  /** The SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), DER, as WebCrypto exports it. */
  spkiDer: Uint8Array;
  /**
   * SHA-1 of the subjectPublicKey BIT STRING, lowercase hex: the key identifier of RFC 5280 §4.2.1.2
   * method (1), as OpenSSL's `subjectKeyIdentifier=hash` computes it.
   */
  keyIdentifierHex: string;
  /** The key's algorithm and size as a certificate's details show them. */
  algorithm: string;
  rsaKeyBits?: number;
  /** subjectKeyIdentifier then authorityKeyIdentifier for this key, encoded and described. */
  keyIdentifierExtensions: EncodedExtension[];
}

export async function readPublicKeyInfo(publicKey: CryptoKey): Promise<PublicKeyInfo> {
  const spki = await crypto.subtle.exportKey("spki", publicKey);
  const keyIdentifierHex = bytesToHex(toBytes(await new PublicKey(spki).getKeyIdentifier()));
  const spkiDer = toBytes(spki);
  const { algorithm, rsaKeyBits } = describeSubjectPublicKeyInfo(spkiDer);
  return { spkiDer, keyIdentifierHex, algorithm, rsaKeyBits, keyIdentifierExtensions: keyIdentifierExtensions(keyIdentifierHex) };
}
