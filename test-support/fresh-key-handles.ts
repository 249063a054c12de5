/**
 * The same key pair as new CryptoKey objects (exported and imported again): what a certificate's
 * signing has never seen, so it reads the public half itself (certificate/public-key-info.ts finds
 * what was read ahead by the key object, not by the key's value).
 */
const RSASSA_SHA256 = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } as const;

export async function freshKeyHandles(pair: CryptoKeyPair): Promise<CryptoKeyPair> {
  const [spki, pkcs8] = await Promise.all([crypto.subtle.exportKey("spki", pair.publicKey), crypto.subtle.exportKey("pkcs8", pair.privateKey)]);
  const [publicKey, privateKey] = await Promise.all([
    crypto.subtle.importKey("spki", spki, RSASSA_SHA256, true, ["verify"]),
    crypto.subtle.importKey("pkcs8", pkcs8, RSASSA_SHA256, true, ["sign"]),
  ]);
  return { publicKey, privateKey };
}
