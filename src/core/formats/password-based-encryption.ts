/**
 * Password-based encryption as PKCS#8 and PKCS#12 use it:
 * - PBES2 (RFC 8018 §6.2) with PBKDF2 (§5.2) over HMAC-SHA-1/256/384/512 and AES-CBC (WebCrypto)
 *   or DES-EDE3-CBC (node-forge, what `openssl pkcs8 -topk8 -v2 des3` writes);
 * - the PKCS#12 PBE schemes (RFC 7292 Appendix B.2 and C): SHA-1 with 3-key/2-key Triple-DES or
 *   RC2-CBC (node-forge), which Windows and `openssl pkcs12 -legacy` write.
 */
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { toArrayBuffer, toBytes, utf8Encode } from "../encoding";
import { WorkbenchError } from "../errors";
import { OID, Pbes2Params, Pbkdf2Params, Pkcs12PbeParams } from "./asn1-schemas";
import { legacyCbc, PaddingError, pkcs12KdfSha1, type LegacyCipher } from "./legacy-ciphers";
import { bmpPassword, MAX_PKCS12_KDF_ITERATIONS } from "./pkcs12-kdf";

/**
 * The password in the two encodings the schemes need: raw UTF-8 octets for PBES2 (RFC 8018 §3,
 * as OpenSSL passes them) and BMPString for the PKCS#12 KDF (RFC 7292 §B.1).
 */
export interface PasswordBytes {
  /** The password; null is OpenSSL's "no password" (NULL), which some tools write for an empty one. */
  text: string | null;
  utf8: Uint8Array;
  bmp: Uint8Array;
}

export function passwordBytes(password: string | null): PasswordBytes {
  if (password === null) return { text: null, utf8: new Uint8Array(0), bmp: new Uint8Array(0) };
  return { text: password, utf8: utf8Encode(password), bmp: bmpPassword(password) };
}

/**
 * PBKDF2 iteration counts above this are refused on import: OWASP's 2023 advice tops out at
 * 1,300,000 (HMAC-SHA1); more only lets a crafted file keep the page busy for seconds per bag.
 */
export const MAX_PBKDF2_ITERATIONS = 2_000_000;

const PRF_HASHES: Record<string, string> = {
  [OID.hmacWithSHA1]: "SHA-1",
  [OID.hmacWithSHA256]: "SHA-256",
  [OID.hmacWithSHA384]: "SHA-384",
  [OID.hmacWithSHA512]: "SHA-512",
};

const AES_KEY_BYTES: Record<string, number> = { [OID.aes128Cbc]: 16, [OID.aes192Cbc]: 24, [OID.aes256Cbc]: 32 };

const PKCS12_PBE: Record<string, { keyBytes: number; cipher: LegacyCipher }> = {
  [OID.pbeWithSha1And3KeyTripleDesCbc]: { keyBytes: 24, cipher: { name: "3DES-CBC" } },
  [OID.pbeWithSha1And2KeyTripleDesCbc]: { keyBytes: 16, cipher: { name: "3DES-CBC" } },
  [OID.pbeWithSha1And128BitRc2Cbc]: { keyBytes: 16, cipher: { name: "RC2-CBC", effectiveBits: 128 } },
  [OID.pbeWithSha1And40BitRc2Cbc]: { keyBytes: 5, cipher: { name: "RC2-CBC", effectiveBits: 40 } },
};

export type Pkcs12PbeName = "pbeWithSHAAnd3-KeyTripleDES-CBC" | "pbeWithSHAAnd40BitRC2-CBC";

const PKCS12_PBE_OIDS: Record<Pkcs12PbeName, string> = {
  "pbeWithSHAAnd3-KeyTripleDES-CBC": OID.pbeWithSha1And3KeyTripleDesCbc,
  "pbeWithSHAAnd40BitRC2-CBC": OID.pbeWithSha1And40BitRc2Cbc,
};

function unsupported(what: string): WorkbenchError {
  return new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `This file is encrypted with ${what}, which the workbench cannot decrypt. Re-export it with AES-256 (for example \`openssl pkcs12 -export\` or \`openssl pkcs8 -topk8 -v2 aes256\`) and import that.`);
}

export function wrongPassword(cause?: unknown): WorkbenchError {
  return new WorkbenchError("ERR_WRONG_PASSWORD", "The password does not open this key. Check the password (it is case-sensitive) and try again.", { cause });
}

function parseParams<T>(parameters: ArrayBuffer | null | undefined, type: new () => T): T {
  if (!parameters) throw unsupported("parameters that are missing");
  return AsnConvert.parse(parameters, type);
}

function checkIterations(count: number, max: number): void {
  if (!Number.isSafeInteger(count) || count < 1 || count > max) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `This file asks for ${String(count)} key-derivation iterations; the workbench accepts 1 to ${String(max)} so a file cannot freeze the page. Export it again with fewer (OpenSSL: -iter 2048), or it is damaged.`);
  }
}

async function pbkdf2(password: Uint8Array, params: Pbkdf2Params, keyBytes: number): Promise<Uint8Array> {
  const hash = PRF_HASHES[params.prf?.algorithm ?? OID.hmacWithSHA1];
  if (!hash) throw unsupported(`the PBKDF2 PRF ${params.prf?.algorithm ?? ""}`);
  checkIterations(params.iterationCount, MAX_PBKDF2_ITERATIONS);
  if (params.keyLength !== undefined && params.keyLength !== keyBytes) throw unsupported("a key length that does not fit its cipher");
  const base = await crypto.subtle.importKey("raw", toArrayBuffer(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash, salt: toArrayBuffer(toBytes(params.salt.buffer)), iterations: params.iterationCount },
    base,
    keyBytes * 8,
  );
  return toBytes(bits);
}

async function aesCbc(direction: "encrypt" | "decrypt", key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey("raw", toArrayBuffer(key), "AES-CBC", false, [direction]);
  const params = { name: "AES-CBC", iv: toArrayBuffer(iv) };
  try {
    return toBytes(direction === "encrypt"
      ? await crypto.subtle.encrypt(params, cryptoKey, toArrayBuffer(data))
      : await crypto.subtle.decrypt(params, cryptoKey, toArrayBuffer(data)));
  } catch (error) {
    // WebCrypto reports a bad PKCS#7 padding (or a ragged length) as an OperationError.
    if (direction === "decrypt") throw new PaddingError();
    throw error;
  }
}

async function pbes2Decrypt(parameters: ArrayBuffer | null | undefined, password: PasswordBytes, data: Uint8Array): Promise<Uint8Array> {
  const pbes2 = parseParams(parameters, Pbes2Params);
  if (pbes2.keyDerivationFunc.algorithm !== OID.pbkdf2) throw unsupported(`the key-derivation function ${pbes2.keyDerivationFunc.algorithm}`);
  const kdf = parseParams(pbes2.keyDerivationFunc.parameters, Pbkdf2Params);
  const scheme = pbes2.encryptionScheme.algorithm;
  const iv = toBytes(parseParams(pbes2.encryptionScheme.parameters, OctetString).buffer);
  const aesKeyBytes = AES_KEY_BYTES[scheme];
  if (aesKeyBytes !== undefined) {
    if (iv.length !== 16) throw unsupported("an AES-CBC IV that is not 16 bytes");
    return aesCbc("decrypt", await pbkdf2(password.utf8, kdf, aesKeyBytes), iv, data);
  }
  if (scheme === OID.desEde3Cbc) {
    if (iv.length !== 8) throw unsupported("a DES-EDE3-CBC IV that is not 8 bytes");
    return legacyCbc({ name: "3DES-CBC" }, "decrypt", await pbkdf2(password.utf8, kdf, 24), iv, data);
  }
  throw unsupported(`the cipher ${scheme}`);
}

async function pkcs12PbeCrypt(
  direction: "encrypt" | "decrypt",
  oid: string,
  params: Pkcs12PbeParams,
  password: PasswordBytes,
  data: Uint8Array,
): Promise<Uint8Array> {
  const scheme = PKCS12_PBE[oid];
  if (!scheme) throw unsupported(`the PKCS#12 scheme ${oid}`);
  checkIterations(params.iterations, MAX_PKCS12_KDF_ITERATIONS);
  const salt = toBytes(params.salt.buffer);
  let key = await pkcs12KdfSha1(password.text, salt, 1, params.iterations, scheme.keyBytes);
  const iv = await pkcs12KdfSha1(password.text, salt, 2, params.iterations, 8);
  // Two-key Triple-DES is K1, K2, K1 (RFC 7292 Appendix C).
  if (scheme.cipher.name === "3DES-CBC" && key.length === 16) key = new Uint8Array([...key, ...key.subarray(0, 8)]);
  return legacyCbc(scheme.cipher, direction, key, iv, data);
}

/**
 * Decrypts data encrypted under `algorithm`. Throws ERR_WRONG_PASSWORD when the padding does not
 * check out (callers also treat plaintext that does not parse as a wrong password) and
 * ERR_UNSUPPORTED_FORMAT for schemes the workbench does not implement.
 */
export async function decryptWithPassword(algorithm: AlgorithmIdentifier, data: Uint8Array, password: PasswordBytes): Promise<Uint8Array> {
  try {
    if (algorithm.algorithm === OID.pbes2) return await pbes2Decrypt(algorithm.parameters, password, data);
    if (PKCS12_PBE[algorithm.algorithm]) {
      return await pkcs12PbeCrypt("decrypt", algorithm.algorithm, parseParams(algorithm.parameters, Pkcs12PbeParams), password, data);
    }
  } catch (error) {
    if (error instanceof PaddingError) throw wrongPassword(error);
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "The encryption parameters in this file could not be read: the file is damaged or truncated. Export it again.", { cause: error });
  }
  throw unsupported(`the algorithm ${algorithm.algorithm}`);
}

/** Options of PBES2 encryption; the defaults are OpenSSL 3's except the iteration count, which callers choose. */
export interface Pbes2Options {
  iterations: number;
  /** RFC 8018 §4.1 asks for at least 8 random salt bytes; OpenSSL 3 writes 8 in PKCS#12 and 16 in PKCS#8. */
  saltBytes?: number;
}

/** PBES2 / PBKDF2-HMAC-SHA-256 / AES-256-CBC (RFC 8018 §6.2.1), the scheme OpenSSL 3 writes by default. */
export async function encryptPbes2(data: Uint8Array, password: PasswordBytes, options: Pbes2Options): Promise<{ algorithm: AlgorithmIdentifier; ciphertext: Uint8Array }> {
  checkIterations(options.iterations, MAX_PBKDF2_ITERATIONS);
  const salt = crypto.getRandomValues(new Uint8Array(options.saltBytes ?? 16));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  // prf carries an explicit NULL parameter, as OpenSSL writes it (RFC 8018 §B.1.2 allows NULL).
  const kdf = new Pbkdf2Params({
    salt: new OctetString(salt),
    iterationCount: options.iterations,
    prf: new AlgorithmIdentifier({ algorithm: OID.hmacWithSHA256, parameters: null }),
  });
  const key = await pbkdf2(password.utf8, kdf, 32);
  const params = new Pbes2Params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithm: OID.pbkdf2, parameters: AsnConvert.serialize(kdf) }),
    encryptionScheme: new AlgorithmIdentifier({ algorithm: OID.aes256Cbc, parameters: AsnConvert.serialize(new OctetString(iv)) }),
  });
  return {
    algorithm: new AlgorithmIdentifier({ algorithm: OID.pbes2, parameters: AsnConvert.serialize(params) }),
    ciphertext: await aesCbc("encrypt", key, iv, data),
  };
}

/** A PKCS#12 PBE scheme (RFC 7292 Appendix C) with an 8-byte salt, as OpenSSL `-legacy` writes it. */
export async function encryptPkcs12Pbe(data: Uint8Array, password: PasswordBytes, scheme: Pkcs12PbeName, iterations: number): Promise<{ algorithm: AlgorithmIdentifier; ciphertext: Uint8Array }> {
  const oid = PKCS12_PBE_OIDS[scheme];
  const params = new Pkcs12PbeParams({ salt: new OctetString(crypto.getRandomValues(new Uint8Array(8))), iterations });
  return {
    algorithm: new AlgorithmIdentifier({ algorithm: oid, parameters: AsnConvert.serialize(params) }),
    ciphertext: await pkcs12PbeCrypt("encrypt", oid, params, password, data),
  };
}
