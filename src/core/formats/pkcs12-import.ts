/**
 * PKCS#12 / PFX (RFC 7292) import of what OpenSSL, Windows, Java and the workbench write: MAC check
 * (§5.1), then every bag decrypted, within one bounded budget of key derivations (pkcs12-work.ts).
 */
import { AuthenticatedSafe, CertBag, id_certBag, id_keyBag, id_pkcs8ShroudedKeyBag, id_SafeContents, id_x509Certificate, PFX, SafeBag, SafeContents } from "@peculiar/asn1-pfx";
import { EncryptedPrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { AsnConvert } from "@peculiar/asn1-schema";
import { DirectoryString } from "@peculiar/asn1-x509";
import { bytesEqual, toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { BerOctetString, CmsEncryptedData, OID } from "./asn1-schemas";
import { decryptPrivateKeyInfo } from "./encrypted-private-key";
import { decryptWithPassword, passwordBytes, type PasswordBytes } from "./password-based-encryption";
import { findMacPassword } from "./pkcs12-mac";
import { checkPfxWork, countPfxWork, DerivationBudget, derivationCost } from "./pkcs12-work";

/** What a PFX held. `certificates[0]` is the key's certificate when the file says which (localKeyId). */
export interface Pkcs12Contents {
  privateKeyPkcs8Der?: Uint8Array;
  certificates: Uint8Array[];
  friendlyName?: string;
  /** Keys beyond the first, which the workbench does not use. */
  extraKeyCount: number;
  /** True when the file had no MAC (`openssl pkcs12 -nomac`), so the password was not checked up front. */
  unauthenticated: boolean;
}

interface Found {
  keys: { der: Uint8Array; localKeyId?: Uint8Array; friendlyName?: string }[];
  certificates: { der: Uint8Array; localKeyId?: Uint8Array; friendlyName?: string }[];
}

/** Parses a DER PFX, or returns undefined when the bytes are not one (used to sniff a file's type). */
export function parsePfx(der: Uint8Array): PFX | undefined {
  try {
    const pfx = AsnConvert.parse(toArrayBuffer(der), PFX);
    return pfx.version === 3 ? pfx : undefined;
  } catch {
    return undefined;
  }
}

function octets(der: ArrayBuffer): Uint8Array {
  return AsnConvert.parse(der, BerOctetString).bytes;
}

function readAttributes(bag: SafeBag): { localKeyId?: Uint8Array; friendlyName?: string } {
  const result: { localKeyId?: Uint8Array; friendlyName?: string } = {};
  for (const attribute of bag.bagAttributes ?? []) {
    const [value] = attribute.attrValues;
    if (!value) continue;
    if (attribute.attrId === OID.localKeyId) result.localKeyId = octets(value);
    if (attribute.attrId === OID.friendlyName) result.friendlyName = AsnConvert.parse(value, DirectoryString).toString();
  }
  return result;
}

/**
 * Real PFX files hold one key (Windows exports sometimes two); each shrouded key costs a
 * password derivation, so a file with more is refused rather than decrypted bag after bag.
 */
export const MAX_PKCS12_KEY_BAGS = 4;

/**
 * Reads the bags of one SafeContents. `budget` is charged for shrouded keys only inside an encrypted
 * part: those outside were counted (countPfxWork) before anything ran.
 */
async function readSafeContents(der: Uint8Array, password: PasswordBytes, found: Found, budget: DerivationBudget | undefined, depth = 0): Promise<void> {
  if (depth > 3) throw new TypeError("SafeContents nested too deeply");
  for (const bag of AsnConvert.parse(toArrayBuffer(der), SafeContents)) {
    const attributes = readAttributes(bag);
    if ((bag.bagId === id_keyBag || bag.bagId === id_pkcs8ShroudedKeyBag) && found.keys.length >= MAX_PKCS12_KEY_BAGS) {
      throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `This PFX holds more than ${String(MAX_PKCS12_KEY_BAGS)} private keys; export one key with its certificate (e.g. openssl pkcs12 -export -inkey key.pem -in cert.pem).`);
    }
    if (bag.bagId === id_keyBag) found.keys.push({ der: toBytes(bag.bagValue), ...attributes });
    else if (bag.bagId === id_pkcs8ShroudedKeyBag) {
      budget?.charge(derivationCost(AsnConvert.parse(bag.bagValue, EncryptedPrivateKeyInfo).encryptionAlgorithm));
      found.keys.push({ der: await decryptPrivateKeyInfo(toBytes(bag.bagValue), password), ...attributes });
    }
    else if (bag.bagId === id_certBag) {
      const certBag = AsnConvert.parse(bag.bagValue, CertBag);
      if (certBag.certId === id_x509Certificate) found.certificates.push({ der: octets(certBag.certValue), ...attributes });
    } else if (bag.bagId === id_SafeContents) await readSafeContents(toBytes(bag.bagValue), password, found, budget, depth + 1);
    // CRL and secret bags (RFC 7292 §4.2.4–4.2.5) carry nothing the workbench uses.
  }
}

async function readAuthenticatedSafe(authSafeDer: Uint8Array, password: PasswordBytes, budget: DerivationBudget): Promise<Found> {
  const found: Found = { keys: [], certificates: [] };
  for (const info of AsnConvert.parse(toArrayBuffer(authSafeDer), AuthenticatedSafe)) {
    if (info.contentType === OID.data) {
      await readSafeContents(octets(info.content), password, found, undefined);
    } else if (info.contentType === OID.encryptedData) {
      const content = AsnConvert.parse(info.content, CmsEncryptedData).encryptedContentInfo;
      const encrypted = content.encryptedContent;
      const ciphertext = encrypted?.value
        ? toBytes(encrypted.value.buffer)
        : new Uint8Array((encrypted?.constructedValue ?? []).flatMap((part) => [...toBytes(part.buffer)]));
      const plaintext = await decryptWithPassword(content.contentEncryptionAlgorithm, ciphertext, password);
      try {
        await readSafeContents(plaintext, password, found, budget);
      } catch (error) {
        // Padding happened to check out but the plaintext is noise: a wrong password (no-MAC files).
        if (error instanceof WorkbenchError) throw error;
        throw wrongPfxPassword(error);
      }
    } else {
      throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This PFX is encrypted to a recipient's public key (EnvelopedData), not with a password. Export it again with a password.");
    }
  }
  return found;
}

function wrongPfxPassword(cause?: unknown): WorkbenchError {
  return new WorkbenchError("ERR_WRONG_PASSWORD", "The password does not open this PFX. Check the password (it is case-sensitive) and try again.", { cause });
}

function damaged(cause: unknown): WorkbenchError {
  return new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This PFX could not be read: it is damaged or truncated. Download or export it again.", { cause });
}

/**
 * Opens a PFX: checks the MAC (RFC 7292 §5.1), decrypts every bag, and returns the first key and
 * the certificates, the key's own certificate first. An empty password is tried both as RFC 7292
 * says (BMPString "00 00") and as OpenSSL's NULL password. Wrong password → ERR_WRONG_PASSWORD.
 */
export async function importPkcs12(pfxDer: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const pfx = parsePfx(pfxDer);
  if (!pfx) throw damaged(undefined);
  const candidates = password === "" ? [passwordBytes(""), passwordBytes(null)] : [passwordBytes(password)];
  let found: Found | undefined;
  let authSafeDer: Uint8Array;
  try {
    if (pfx.authSafe.contentType !== OID.data) {
      throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This PFX is signed with a public key (public-key integrity mode) rather than protected by a password; the workbench reads password-protected PFX files only.");
    }
    authSafeDer = octets(pfx.authSafe.content);
  } catch (error) {
    throw error instanceof WorkbenchError ? error : damaged(error);
  }
  // asn1-pfx fills an absent macData with an empty default, so absence shows as an empty algorithm.
  const unauthenticated = !pfx.macData.mac.digestAlgorithm.algorithm;
  let budget: DerivationBudget;
  try {
    const work = countPfxWork(authSafeDer, unauthenticated ? undefined : pfx.macData.iterations, candidates.length);
    checkPfxWork(work);
    budget = new DerivationBudget(work.iterations);
  } catch (error) {
    throw error instanceof WorkbenchError ? error : damaged(error);
  }
  try {
    if (!unauthenticated) {
      const match = await findMacPassword(pfx.macData, authSafeDer, candidates);
      if (!match) throw wrongPfxPassword();
      found = await readAuthenticatedSafe(authSafeDer, match, budget);
    } else {
      let lastError: unknown;
      for (const candidate of candidates) {
        found = await readAuthenticatedSafe(authSafeDer, candidate, budget).catch((error: unknown) => {
          lastError = error;
          return undefined;
        });
        if (found) break;
      }
      if (!found) throw lastError;
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error.code === "ERR_WRONG_PASSWORD" ? wrongPfxPassword(error) : error;
    throw damaged(error);
  }
  const [key, ...extraKeys] = found.keys;
  const leafIndex = key?.localKeyId ? found.certificates.findIndex((cert) => cert.localKeyId && key.localKeyId && bytesEqual(cert.localKeyId, key.localKeyId)) : -1;
  const ordered = leafIndex > 0 ? [found.certificates[leafIndex], ...found.certificates.filter((_, i) => i !== leafIndex)] : found.certificates;
  return {
    privateKeyPkcs8Der: key?.der,
    certificates: ordered.flatMap((cert) => (cert ? [cert.der] : [])),
    friendlyName: key?.friendlyName ?? ordered[0]?.friendlyName,
    extraKeyCount: extraKeys.length,
    unauthenticated,
  };
}
