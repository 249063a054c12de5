/**
 * The PKCS#12 key-derivation function, RFC 7292 Appendix B.2, over `crypto.subtle.digest`.
 *
 * Used for the PKCS#12 MAC key (RFC 7292 §5.1 with the MAC's own hash, SHA-256 in the modern
 * profile), so a modern PFX never loads node-forge. It is a KDF, not a cipher: it only
 * concatenates and adds byte strings around the hash WebCrypto provides. Measured in Node 20:
 * 2048 rounds take ~100 ms (one awaited digest per round), once per import or export. The legacy
 * PBE schemes, which load forge for their cipher anyway, use forge's faster synchronous
 * `pkcs12.generateKey` instead (legacy-ciphers.ts); the test checks both agree.
 */
import { toArrayBuffer, toBytes } from "../encoding";

export type Pkcs12KdfHash = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

/** The diversifier ID byte (RFC 7292 §B.3): 1 = key, 2 = IV, 3 = MAC key. */
export type Pkcs12KdfPurpose = 1 | 2 | 3;

/** u (digest bytes) and v (block bytes) of each hash, as B.2 defines them. */
const HASH_SIZES: Record<Pkcs12KdfHash, { u: number; v: number }> = {
  "SHA-1": { u: 20, v: 64 },
  "SHA-256": { u: 32, v: 64 },
  "SHA-384": { u: 48, v: 128 },
  "SHA-512": { u: 64, v: 128 },
};

/**
 * Above this a file is refused. Real exporters use 2,000 (Windows), 2,048 (OpenSSL) or 10,000
 * (Java keytool); the legacy ciphers' KDF runs synchronously in node-forge (≈ 2 µs a round), so a
 * crafted file with a huge count would freeze the page.
 */
export const MAX_PKCS12_KDF_ITERATIONS = 50_000;

/**
 * The password as RFC 7292 §B.1 wants it: BMPString (UTF-16 big-endian) with a two-zero terminator.
 * An empty password is therefore the two bytes 00 00; OpenSSL's "no password" (NULL) is the empty
 * string of bytes, which callers try as a fallback.
 */
export function bmpPassword(password: string): Uint8Array {
  const bytes = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const unit = password.charCodeAt(i);
    bytes[i * 2] = unit >> 8;
    bytes[i * 2 + 1] = unit & 0xff;
  }
  return bytes;
}

function repeatToBlocks(input: Uint8Array, v: number): Uint8Array {
  const out = new Uint8Array(v * Math.ceil(input.length / v));
  for (let i = 0; i < out.length; i++) out[i] = input[i % input.length] ?? 0;
  return out;
}

/** Derives `length` bytes (RFC 7292 §B.2 steps 1–8). */
export async function pkcs12Kdf(
  hash: Pkcs12KdfHash,
  passwordBmp: Uint8Array,
  salt: Uint8Array,
  purpose: Pkcs12KdfPurpose,
  iterations: number,
  length: number,
): Promise<Uint8Array> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PKCS12_KDF_ITERATIONS) {
    throw new RangeError(`PKCS#12 iteration count ${String(iterations)} is outside 1..${String(MAX_PKCS12_KDF_ITERATIONS)}`);
  }
  const { u, v } = HASH_SIZES[hash];
  const diversifier = new Uint8Array(v).fill(purpose);
  const input = new Uint8Array([...repeatToBlocks(salt, v), ...repeatToBlocks(passwordBmp, v)]);
  const output = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let digest = toBytes(await crypto.subtle.digest(hash, toArrayBuffer(new Uint8Array([...diversifier, ...input]))));
    for (let round = 1; round < iterations; round++) digest = toBytes(await crypto.subtle.digest(hash, toArrayBuffer(digest)));
    output.set(digest, block * u);
    if ((block + 1) * u >= length) break;
    // Step 6B–C: I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I, B = digest repeated to v bytes.
    const b = repeatToBlocks(digest, v).subarray(0, v);
    for (let offset = 0; offset < input.length; offset += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (input[offset + k] ?? 0) + (b[k] ?? 0) + carry;
        input[offset + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return output.subarray(0, length);
}
