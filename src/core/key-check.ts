import { parseCertificateDer } from "./certificate";
import { toArrayBuffer, toBytes, utf8Encode } from "./encoding";
import { RSASSA_SHA256 } from "./keys";

/**
 * Proves that a private key is the certificate's by signing a fresh challenge and verifying the
 * signature with the certificate's public key. Stronger than comparing moduli: a key whose private
 * parts were damaged still has the right modulus but signs garbage (Entra would answer AADSTS50013).
 */
export async function privateKeySignsForCertificate(privateKey: CryptoKey, certificateDer: Uint8Array): Promise<boolean> {
  try {
    const publicKey = await crypto.subtle.importKey(
      "spki",
      toArrayBuffer(toBytes(parseCertificateDer(certificateDer).publicKey.rawData)),
      RSASSA_SHA256,
      false,
      ["verify"],
    );
    const challenge = utf8Encode(`credential-workbench key check ${crypto.randomUUID()}`);
    const signature = await crypto.subtle.sign(RSASSA_SHA256, privateKey, toArrayBuffer(challenge));
    return await crypto.subtle.verify(RSASSA_SHA256, publicKey, signature, toArrayBuffer(challenge));
  } catch {
    return false;
  }
}
