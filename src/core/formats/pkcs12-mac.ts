/**
 * PKCS#12 password integrity: MacData (RFC 7292 §4, §5.1) — an HMAC over the AuthenticatedSafe
 * contents keyed by the PKCS#12 KDF with ID 3 (§B.3) and the MAC's own hash.
 */
import { DigestInfo } from "@peculiar/asn1-rsa";
import { OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { MacData } from "@peculiar/asn1-pfx";
import { toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { OID } from "./asn1-schemas";
import type { PasswordBytes } from "./password-based-encryption";
import { MAX_PKCS12_KDF_ITERATIONS, pkcs12Kdf, type Pkcs12KdfHash } from "./pkcs12-kdf";

const MAC_HASHES: Record<string, Pkcs12KdfHash> = {
  [OID.sha1]: "SHA-1",
  [OID.sha256]: "SHA-256",
  [OID.sha384]: "SHA-384",
  [OID.sha512]: "SHA-512",
};

const HASH_OIDS: Record<Pkcs12KdfHash, string> = { "SHA-1": OID.sha1, "SHA-256": OID.sha256, "SHA-384": OID.sha384, "SHA-512": OID.sha512 };

const DIGEST_BYTES: Record<Pkcs12KdfHash, number> = { "SHA-1": 20, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 };

async function macKey(hash: Pkcs12KdfHash, password: PasswordBytes, salt: Uint8Array, iterations: number, usage: KeyUsage): Promise<CryptoKey> {
  // The MAC key is as long as the hash output (RFC 7292 §B.4; OpenSSL's PKCS12_gen_mac).
  const key = await pkcs12Kdf(hash, password.bmp, salt, 3, iterations, DIGEST_BYTES[hash]);
  return crypto.subtle.importKey("raw", toArrayBuffer(key), { name: "HMAC", hash }, false, [usage]);
}

/** MacData over `authSafeContent` (the octets of the AuthenticatedSafe), with an 8-byte salt as OpenSSL writes. */
export async function createMacData(authSafeContent: Uint8Array, password: PasswordBytes, hash: Pkcs12KdfHash, iterations: number): Promise<MacData> {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  const key = await macKey(hash, password, salt, iterations, "sign");
  const mac = toBytes(await crypto.subtle.sign("HMAC", key, toArrayBuffer(authSafeContent)));
  return new MacData({
    mac: new DigestInfo({
      digestAlgorithm: new AlgorithmIdentifier({ algorithm: HASH_OIDS[hash], parameters: null }),
      digest: new OctetString(mac),
    }),
    macSalt: new OctetString(salt),
    iterations,
  });
}

/** The hash a MacData names, or an unsupported-format error. */
export function macHash(macData: MacData): Pkcs12KdfHash {
  const hash = MAC_HASHES[macData.mac.digestAlgorithm.algorithm];
  if (!hash) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `This PFX is protected by a MAC the workbench does not compute (${macData.mac.digestAlgorithm.algorithm}). Re-export it with \`openssl pkcs12 -export\` (SHA-256 MAC) and import that.`);
  }
  return hash;
}

/** Returns the first candidate password whose MAC matches, or undefined when none does. */
export async function findMacPassword(macData: MacData, authSafeContent: Uint8Array, candidates: PasswordBytes[]): Promise<PasswordBytes | undefined> {
  const hash = macHash(macData);
  const iterations = macData.iterations;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PKCS12_KDF_ITERATIONS) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `This PFX asks for ${String(iterations)} MAC iterations; the workbench accepts 1 to ${String(MAX_PKCS12_KDF_ITERATIONS)} so a file cannot freeze the page. Export it again with fewer (OpenSSL: -iter 2048 -maciter), or it is damaged.`);
  }
  const salt = toBytes(macData.macSalt.buffer);
  const expected = toArrayBuffer(toBytes(macData.mac.digest.buffer));
  for (const candidate of candidates) {
    const key = await macKey(hash, candidate, salt, iterations, "verify");
    if (await crypto.subtle.verify("HMAC", key, expected, toArrayBuffer(authSafeContent))) return candidate;
  }
  return undefined;
}
