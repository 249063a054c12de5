/**
 * The two ciphers legacy PKCS#12 files use and WebCrypto lacks: Triple-DES-CBC and RC2-CBC
 * (RFC 7292 Appendix C; RC2 is RFC 2268). They come from node-forge, loaded on first use with a
 * dynamic import so it stays out of the initial browser bundle. No cipher is written here.
 */
import type Forge from "node-forge";

let forgePromise: Promise<typeof Forge> | undefined;

async function loadForge(): Promise<typeof Forge> {
  forgePromise ??= import("node-forge").then((module) => module.default);
  return forgePromise;
}

export type LegacyCipher = { name: "3DES-CBC" } | { name: "RC2-CBC"; effectiveBits: number };

/** Thrown when CBC padding does not check out: the usual sign of a wrong password. */
export class PaddingError extends Error {
  constructor() {
    super("bad padding");
    this.name = "PaddingError";
  }
}

/** Encrypts or decrypts with PKCS#5 padding (RFC 8018 §6.1.1 step 4). */
export async function legacyCbc(
  cipher: LegacyCipher,
  direction: "encrypt" | "decrypt",
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  const forge = await loadForge();
  const raw = forge.util.binary.raw;
  const keyBytes = raw.encode(key);
  const ivBytes = raw.encode(iv);
  const input = forge.util.createBuffer(raw.encode(data));
  let ok: boolean;
  let output: string;
  if (cipher.name === "3DES-CBC") {
    const engine = direction === "encrypt" ? forge.cipher.createCipher("3DES-CBC", keyBytes) : forge.cipher.createDecipher("3DES-CBC", keyBytes);
    engine.start({ iv: ivBytes });
    engine.update(input);
    ok = engine.finish();
    output = engine.output.getBytes();
  } else {
    const engine = direction === "encrypt"
      ? forge.rc2.createEncryptionCipher(keyBytes, cipher.effectiveBits)
      : forge.rc2.createDecryptionCipher(keyBytes, cipher.effectiveBits);
    engine.start(ivBytes);
    engine.update(input);
    ok = engine.finish();
    output = engine.output.getBytes();
  }
  if (!ok) throw new PaddingError();
  return raw.decode(output);
}

/**
 * The PKCS#12 KDF (RFC 7292 §B.2) with SHA-1, through node-forge's `pkcs12.generateKey`, for the
 * legacy PBE schemes: forge is loaded for their cipher anyway, and its synchronous SHA-1 runs
 * 2048 rounds in ~17 ms where the WebCrypto version (pkcs12-kdf.ts, one awaited digest per round)
 * takes ~250 ms in Node 20. `password` null is OpenSSL's "no password" (no bytes at all).
 * pkcs12-kdf.test.ts checks both give the same bytes.
 */
export async function pkcs12KdfSha1(password: string | null, salt: Uint8Array, purpose: 1 | 2 | 3, iterations: number, length: number): Promise<Uint8Array> {
  const forge = await loadForge();
  const raw = forge.util.binary.raw;
  const derived = forge.pkcs12.generateKey(password, forge.util.createBuffer(raw.encode(salt)), purpose, iterations, length);
  return raw.decode(derived.getBytes());
}
