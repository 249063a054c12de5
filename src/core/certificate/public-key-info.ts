/**
 * The public half of a key pair, read once: its SubjectPublicKeyInfo, key identifier and the two
 * extensions that carry it. A key made in advance for Generate has all of this read while
 * the page is idle, so the click only lays out and signs the certificate. All of it is public by
 * definition (it is in the certificate); the private key is not touched.
 */
import { PublicKey } from "@peculiar/x509";
import { bytesToHex, toBytes } from "../encoding";
import { describeSubjectPublicKeyInfo } from "./describe";
import { keyIdentifierExtensions, type EncodedExtension } from "./entra-extensions";

/** Read once per key and shared by every certificate made for it: not to be changed (its bytes included). */
export interface PublicKeyInfo {
  /** The SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), DER, as WebCrypto exports it. */
  readonly spkiDer: Uint8Array;
  /**
   * SHA-1 of the subjectPublicKey BIT STRING, lowercase hex: the key identifier of RFC 5280 §4.2.1.2
   * method (1), as OpenSSL's `subjectKeyIdentifier=hash` computes it.
   */
  readonly keyIdentifierHex: string;
  /** The key's algorithm and size as a certificate's details show them. */
  readonly algorithm: string;
  readonly rsaKeyBits?: number;
  /** subjectKeyIdentifier then authorityKeyIdentifier for this key, encoded and described. */
  readonly keyIdentifierExtensions: readonly EncodedExtension[];
}

/**
 * What was read of each public key, by the key itself: the certificate finds it by the key it signs
 * for, so it can never be given the public half of another key (which would make a certificate whose
 * signature fails against its own key). Weak: forgetting the key forgets this too.
 */
const readByKey = new WeakMap<CryptoKey, PublicKeyInfo>();

export async function readPublicKeyInfo(publicKey: CryptoKey): Promise<PublicKeyInfo> {
  const known = readByKey.get(publicKey);
  if (known) return known;
  const spki = await crypto.subtle.exportKey("spki", publicKey);
  const keyIdentifierHex = bytesToHex(toBytes(await new PublicKey(spki).getKeyIdentifier()));
  const spkiDer = toBytes(spki);
  const { algorithm, rsaKeyBits } = describeSubjectPublicKeyInfo(spkiDer);
  const info: PublicKeyInfo = Object.freeze({ spkiDer, keyIdentifierHex, algorithm, rsaKeyBits, keyIdentifierExtensions: Object.freeze(keyIdentifierExtensions(keyIdentifierHex)) });
  readByKey.set(publicKey, info);
  return info;
}

/** The public half of `publicKey` if it was read before (a key made in advance): no await, so no turn of the event loop. */
export function publicKeyInfoReadAhead(publicKey: CryptoKey): PublicKeyInfo | undefined {
  return readByKey.get(publicKey);
}
