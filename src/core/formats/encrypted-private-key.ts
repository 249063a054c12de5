/**
 * Encrypted PKCS#8 (`ENCRYPTED PRIVATE KEY`): EncryptedPrivateKeyInfo, RFC 5208 §6 / RFC 5958 §3.
 */
import { AsnConvert } from "@peculiar/asn1-schema";
import { EncryptedData, EncryptedPrivateKeyInfo, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { declaredDerLength } from "./der-header";
import { decryptWithPassword, encryptPbes2, passwordBytes, wrongPassword, type PasswordBytes } from "./password-based-encryption";

/**
 * PBKDF2 iterations for an exported key file: 600,000, OWASP's 2023 figure for PBKDF2-HMAC-SHA-256.
 * OpenSSL 3 still writes 2048 (PKCS5_DEFAULT_ITER), but this file leaves the browser and may sit on
 * a disk or in a repository, so an offline guess should be expensive; WebCrypto derives it in
 * about a third of a second, once per export. OpenSSL, Python `cryptography` (MSAL Python's
 * `passphrase`) and Node read any count.
 */
export const DEFAULT_PKCS8_ITERATIONS = 600_000;

export interface EncryptPrivateKeyOptions {
  iterations?: number;
}

/**
 * Encrypts a PKCS#8 PrivateKeyInfo as EncryptedPrivateKeyInfo with PBES2 / PBKDF2-HMAC-SHA-256 /
 * AES-256-CBC (RFC 8018 §6.2, §A.4), the scheme `openssl pkcs8 -topk8 -v2 aes256` writes.
 *
 * @example
 * const der = await encryptPrivateKeyPkcs8(pkcs8Der, "correct horse");
 * encodePem("ENCRYPTED PRIVATE KEY", der);
 */
export async function encryptPrivateKeyPkcs8(pkcs8Der: Uint8Array, password: string, options: EncryptPrivateKeyOptions = {}): Promise<Uint8Array> {
  return encryptPrivateKeyInfo(pkcs8Der, passwordBytes(password), options.iterations ?? DEFAULT_PKCS8_ITERATIONS);
}

/** Shared with the PKCS#12 shrouded key bag (RFC 7292 §4.2.2), which is the same structure. */
export async function encryptPrivateKeyInfo(pkcs8Der: Uint8Array, password: PasswordBytes, iterations: number, saltBytes = 16): Promise<Uint8Array> {
  const { algorithm, ciphertext } = await encryptPbes2(pkcs8Der, password, { iterations, saltBytes });
  const info = new EncryptedPrivateKeyInfo({ encryptionAlgorithm: algorithm, encryptedData: new EncryptedData(ciphertext) });
  return toBytes(AsnConvert.serialize(info));
}

/**
 * Decrypts an EncryptedPrivateKeyInfo (PBES2 with PBKDF2 over HMAC-SHA-1/256/384/512 and
 * AES-128/192/256-CBC or DES-EDE3-CBC; or a PKCS#12 PBE scheme) and returns the PKCS#8 DER.
 * A wrong password is ERR_WRONG_PASSWORD: either the padding fails or the plaintext is not a
 * PrivateKeyInfo.
 */
export async function decryptPrivateKeyPkcs8(encryptedDer: Uint8Array, password: string): Promise<Uint8Array> {
  return decryptPrivateKeyInfo(encryptedDer, passwordBytes(password));
}

export async function decryptPrivateKeyInfo(encryptedDer: Uint8Array, password: PasswordBytes): Promise<Uint8Array> {
  let info: EncryptedPrivateKeyInfo;
  try {
    info = AsnConvert.parse(toArrayBuffer(encryptedDer), EncryptedPrivateKeyInfo);
  } catch (error) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This is not an encrypted private key (its structure could not be read): the file may be truncated. Copy or download it again.", { cause: error });
  }
  const plaintext = await decryptWithPassword(info.encryptionAlgorithm, toBytes(info.encryptedData.buffer), password);
  try {
    const key = AsnConvert.parse(toArrayBuffer(plaintext), PrivateKeyInfo);
    if (key.privateKey.byteLength === 0) throw new TypeError("empty private key");
    // The PrivateKeyInfo must fill the plaintext exactly: stray bytes mean the key was wrong.
    if (declaredDerLength(plaintext) !== plaintext.length) throw new TypeError("trailing bytes");
  } catch (error) {
    throw wrongPassword(error);
  }
  return plaintext;
}
