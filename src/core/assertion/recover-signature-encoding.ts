/**
 * Undoes an RSA signature with the public key (RSAVP1, RFC 8017 §5.2.2) and reads the padding it
 * reveals, to say WHY a signature does not verify: made by another key, with the other padding,
 * with another PSS salt length, or over another digest. It judges nothing valid: WebCrypto does that.
 */
import { bytesToHex, hexToBytes, toArrayBuffer, toBytes } from "../encoding";
import type { CertificateRsaKey } from "./certificate-rsa-key";

export type RecoveredEncoding =
  /** EMSA-PKCS1-v1_5 (RFC 8017 §9.2) with the DigestInfo of `hash` and the hash it carries. */
  | { padding: "pkcs1"; hash: "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512"; digest: Uint8Array }
  /** EMSA-PSS (RFC 8017 §9.1) with MGF1-SHA-256: H and the salt, to test candidate digests against. */
  | { padding: "pss"; saltLength: number; h: Uint8Array; salt: Uint8Array }
  /** No padding this key makes: another key made it, or it is not a signature. */
  | { padding: "none" };

/** DigestInfo prefixes (RFC 8017 §9.2, note 1). */
const DIGEST_INFO_PREFIXES: readonly ["SHA-1" | "SHA-256" | "SHA-384" | "SHA-512", string][] = [
  ["SHA-256", "3031300d060960864801650304020105000420"],
  ["SHA-1", "3021300906052b0e03021a05000414"],
  ["SHA-384", "3041300d060960864801650304020205000430"],
  ["SHA-512", "3051300d060960864801650304020305000440"],
];

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const sha256 = async (bytes: Uint8Array): Promise<Uint8Array> => toBytes(await crypto.subtle.digest("SHA-256", toArrayBuffer(bytes)));

/** MGF1 with SHA-256 (RFC 8017 §B.2.1). */
async function mgf1Sha256(seed: Uint8Array, length: number): Promise<Uint8Array> {
  const mask = new Uint8Array(length);
  for (let counter = 0, offset = 0; offset < length; counter++, offset += 32) {
    const block = new Uint8Array(seed.length + 4);
    block.set(seed);
    new DataView(block.buffer).setUint32(seed.length, counter);
    mask.set((await sha256(block)).subarray(0, Math.min(32, length - offset)), offset);
  }
  return mask;
}

function readPkcs1(em: Uint8Array): RecoveredEncoding | undefined {
  if (em[0] !== 0x00 || em[1] !== 0x01) return undefined;
  let index = 2;
  while (index < em.length && em[index] === 0xff) index++;
  if (index < 10 || em[index] !== 0x00) return undefined;
  const digestInfo = bytesToHex(em.subarray(index + 1));
  for (const [hash, prefix] of DIGEST_INFO_PREFIXES) {
    if (digestInfo.startsWith(prefix)) return { padding: "pkcs1", hash, digest: hexToBytes(digestInfo.slice(prefix.length)) };
  }
  return undefined;
}

async function readPss(em: Uint8Array, modBits: number): Promise<RecoveredEncoding | undefined> {
  // emBits = modBits - 1; a leading zero octet when that is a multiple of 8 (RFC 8017 §8.1.2 step 1, §9.1.2).
  const emBits = modBits - 1;
  const emLength = Math.ceil(emBits / 8);
  if (em.length > emLength && em[0] !== 0) return undefined;
  const encoded = em.subarray(em.length - emLength);
  if (encoded[encoded.length - 1] !== 0xbc || emLength < 32 + 2) return undefined;
  const maskedDb = encoded.subarray(0, emLength - 33);
  const h = encoded.slice(emLength - 33, emLength - 1);
  const unusedBits = 8 * emLength - emBits;
  if ((maskedDb[0] ?? 0) >> (8 - unusedBits) !== 0) return undefined;
  const mask = await mgf1Sha256(h, maskedDb.length);
  const db = maskedDb.map((byte, index) => byte ^ (mask[index] ?? 0));
  db[0] = (db[0] ?? 0) & (0xff >> unusedBits);
  const separator = db.findIndex((byte) => byte !== 0);
  if (separator < 0 || db[separator] !== 0x01) return undefined;
  const salt = db.slice(separator + 1);
  return { padding: "pss", saltLength: salt.length, h, salt };
}

/** The encoded message inside `signature` under the certificate's key, read as PKCS#1 v1.5 or PSS. */
export async function recoverSignatureEncoding(signature: Uint8Array, key: CertificateRsaKey): Promise<RecoveredEncoding> {
  const length = Math.ceil(key.bits / 8);
  const s = BigInt(`0x${bytesToHex(signature) || "0"}`);
  // RFC 8017 §5.2.2 step 1: a representative not below n was not made with this key.
  if (signature.length !== length || s >= key.modulus) return { padding: "none" };
  const em = hexToBytes(modPow(s, key.exponent, key.modulus).toString(16).padStart(length * 2, "0"));
  return readPkcs1(em) ?? (await readPss(em, key.bits)) ?? { padding: "none" };
}

/** True when a PSS encoding covers `digest`: H = SHA-256(0x00×8 ‖ mHash ‖ salt) (RFC 8017 §9.1.2 steps 12–14). */
export async function pssCoversDigest(encoding: { h: Uint8Array; salt: Uint8Array }, digest: Uint8Array): Promise<boolean> {
  const mPrime = new Uint8Array(8 + digest.length + encoding.salt.length);
  mPrime.set(digest, 8);
  mPrime.set(encoding.salt, 8 + digest.length);
  return bytesToHex(await sha256(mPrime)) === bytesToHex(encoding.h);
}
