/**
 * The public half of a key pair, read once: its SubjectPublicKeyInfo and key identifier. A key made
 * in advance for Generate (issue 13) has these read while the page is idle, so the click only signs.
 * Both are public by definition (they are in the certificate); the private key is not touched.
 */
import { PublicKey } from "@peculiar/x509";
import { bytesToHex, toBytes } from "../encoding";

export interface PublicKeyInfo {
  /** The SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), as @peculiar/x509 takes it. */
  publicKey: PublicKey;
  /**
   * SHA-1 of the subjectPublicKey BIT STRING, lowercase hex: the key identifier of RFC 5280 §4.2.1.2
   * method (1), as OpenSSL's `subjectKeyIdentifier=hash` computes it.
   */
  keyIdentifierHex: string;
}

export async function readPublicKeyInfo(publicKey: CryptoKey): Promise<PublicKeyInfo> {
  const spki = new PublicKey(await crypto.subtle.exportKey("spki", publicKey));
  return { publicKey: spki, keyIdentifierHex: bytesToHex(toBytes(await spki.getKeyIdentifier())) };
}
