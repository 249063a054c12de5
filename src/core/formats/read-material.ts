/**
 * Reads one input (file bytes or pasted text) into keys and certificates, detecting the format by
 * content, never by file name: PEM (RFC 7468), DER certificate, PKCS#8 (RFC 5208), encrypted
 * PKCS#8, PKCS#1 (RFC 8017 §A.1.2), PKCS#12 (RFC 7292), or base64 of any of these.
 */
import { CertificationRequest } from "@peculiar/asn1-csr";
import { EncryptedPrivateKeyInfo, PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { RSAPrivateKey } from "@peculiar/asn1-rsa";
import { AsnConvert } from "@peculiar/asn1-schema";
import { base64ToBytes, toArrayBuffer, utf8Decode } from "../encoding";
import { WorkbenchError } from "../errors";
import { pkcs1ToPkcs8 } from "./pkcs1";
import { decodePemBlocks, type PemBlock } from "./pem";
import { parseCertificateDer } from "../certificate/parse";
import { declaredDerLength } from "./der-header";
import { decryptPrivateKeyPkcs8 } from "./encrypted-private-key";
import { notCredentialMaterial } from "./file-signature";
import { describePrivateKey, judgeKey, type KeyInfo } from "./key-info";
import { importPkcs12, parsePfx } from "./pkcs12-import";

export interface Collected {
  /** PKCS#8 DER of every private key found. */
  keys: Uint8Array[];
  /** Keys the workbench can name but not hold (SEC1 `EC PRIVATE KEY`, `DSA PRIVATE KEY`). */
  foreignKeys: KeyInfo[];
  certificates: Uint8Array[];
  friendlyName?: string;
  requests: number;
  unknownLabels: string[];
  warnings: string[];
}

const READABLE = "it reads CERTIFICATE, PRIVATE KEY, RSA PRIVATE KEY, ENCRYPTED PRIVATE KEY and PKCS#12 files";

const PASSWORD_REQUIRED_PFX = "This PFX is protected by a password: type it in the password field and import again.";
const PASSWORD_REQUIRED_KEY = "This private key is encrypted (ENCRYPTED PRIVATE KEY): type its password in the password field and import again.";

const LEGACY_ENCRYPTED_PEM = "This key is encrypted in OpenSSL's old format (Proc-Type: 4,ENCRYPTED), which the workbench does not read. Convert it to an encrypted PKCS#8 key with `openssl pkcs8 -topk8 -in key.pem -out key-pkcs8.pem` (it asks for the old password and a new one), then import key-pkcs8.pem with its new password.";

const CSR_NOTE = "This is a certificate signing request (CSR), not a certificate: send it to your certificate authority, then import the certificate it returns (or import the certificate and key you already have).";

function damaged(what: string, cause?: unknown): WorkbenchError {
  return new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `${what} could not be read: it is damaged or truncated. Copy or download it again.`, { cause });
}

function checkLength(der: Uint8Array, what: string): void {
  const declared = declaredDerLength(der);
  if (declared !== undefined && declared > der.length) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `${what} is truncated: its structure declares ${String(declared)} bytes but only ${String(der.length)} are there. Copy or download it again.`);
  }
}

function tryParse<T>(der: Uint8Array, type: new () => T): T | undefined {
  try {
    return AsnConvert.parse(toArrayBuffer(der), type);
  } catch {
    return undefined;
  }
}

function addKey(pkcs8Der: Uint8Array, into: Collected, what: string): void {
  try {
    describePrivateKey(pkcs8Der);
  } catch (error) {
    throw damaged(what, error);
  }
  into.keys.push(pkcs8Der);
}

function addCertificate(der: Uint8Array, into: Collected): void {
  // Keep exactly the certificate's own DER: bytes after it (a newline, padding) would otherwise
  // change the thumbprint, x5t and every exported file.
  const length = declaredDerLength(der);
  const exact = length !== undefined && length < der.length ? der.subarray(0, length) : der;
  parseCertificateDer(exact);
  into.certificates.push(exact);
}

async function decryptKey(der: Uint8Array, password: string | undefined): Promise<Uint8Array> {
  try {
    return await decryptPrivateKeyPkcs8(der, password ?? "");
  } catch (error) {
    if (error instanceof WorkbenchError && error.code === "ERR_WRONG_PASSWORD" && !password) {
      throw new WorkbenchError("ERR_PASSWORD_REQUIRED", PASSWORD_REQUIRED_KEY, { cause: error });
    }
    throw error;
  }
}

async function readPfx(der: Uint8Array, password: string | undefined, into: Collected): Promise<void> {
  try {
    const contents = await importPkcs12(der, password ?? "");
    if (contents.privateKeyPkcs8Der) addKey(contents.privateKeyPkcs8Der, into, "The key in this PFX");
    for (const certificate of contents.certificates) addCertificate(certificate, into);
    into.friendlyName ??= contents.friendlyName;
    if (contents.extraKeyCount > 0) into.warnings.push(`This PFX holds ${String(contents.extraKeyCount + 1)} keys; the workbench uses the first.`);
    if (contents.unauthenticated) into.warnings.push("This PFX has no integrity check (MAC), so damage to it cannot be detected. Check the thumbprint against the one you expect.");
  } catch (error) {
    if (error instanceof WorkbenchError && error.code === "ERR_WRONG_PASSWORD" && !password) {
      throw new WorkbenchError("ERR_PASSWORD_REQUIRED", PASSWORD_REQUIRED_PFX, { cause: error });
    }
    throw error;
  }
}

/** A DER structure of unknown type: tried as each format in turn (their outer shapes differ). */
async function readDer(der: Uint8Array, password: string | undefined, into: Collected): Promise<void> {
  if (der[0] !== 0x30) throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", notCredentialMaterial(der));
  checkLength(der, "This file");
  if (parsePfx(der)) return readPfx(der, password, into);
  try {
    return addCertificate(der, into);
  } catch {
    // not a certificate; try the key formats
  }
  if (tryParse(der, PrivateKeyInfo)) return addKey(der, into, "This private key");
  if (tryParse(der, EncryptedPrivateKeyInfo)) return addKey(await decryptKey(der, password), into, "This private key");
  if (tryParse(der, RSAPrivateKey)) return addKey(pkcs1ToPkcs8(der), into, "This RSA private key");
  if (tryParse(der, CertificationRequest)) {
    into.requests++;
    return;
  }
  throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This file is DER-encoded but is not a certificate, private key or PFX the workbench reads; it may be damaged. Check that you chose the right file.");
}

const KNOWN_LABELS: ReadonlySet<string> = new Set(["CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]);

async function readPemBlock(block: PemBlock, password: string | undefined, into: Collected): Promise<void> {
  const what = `The ${block.label} block`;
  if (/ENCRYPTED/i.test(block.headers["Proc-Type"] ?? "")) throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", LEGACY_ENCRYPTED_PEM);
  checkLength(block.der, what);
  // Every structure read below is a SEQUENCE (RFC 5280 §4.1, RFC 5208 §5–6, RFC 8017 §A.1.2): the ASN.1 reader
  // does not check the outermost tag itself, and OpenSSL refuses a block whose first byte is not 0x30.
  if (block.der[0] !== 0x30 && KNOWN_LABELS.has(block.label)) throw damaged(what);
  try {
    switch (block.label) {
      case "CERTIFICATE":
      case "X509 CERTIFICATE":
        return addCertificate(block.der, into);
      case "TRUSTED CERTIFICATE":
        // OpenSSL's trusted form: a certificate followed by trust settings (openssl x509 -trustout).
        return addCertificate(block.der.subarray(0, declaredDerLength(block.der)), into);
      case "PRIVATE KEY":
        return addKey(block.der, into, what);
      case "RSA PRIVATE KEY":
        return addKey(pkcs1ToPkcs8(block.der), into, what);
      case "ENCRYPTED PRIVATE KEY":
        return addKey(await decryptKey(block.der, password), into, what);
      case "EC PRIVATE KEY":
      case "DSA PRIVATE KEY": {
        const name = block.label === "EC PRIVATE KEY" ? "EC" : "DSA";
        into.foreignKeys.push(judgeKey({ algorithm: name }));
        return;
      }
      case "CERTIFICATE REQUEST":
      case "NEW CERTIFICATE REQUEST":
        into.requests++;
        return;
      default:
        into.unknownLabels.push(block.label);
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw damaged(what, error);
  }
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

/** Reads one input into `into`; throws a WorkbenchError whose message names the problem and the fix. */
export async function readMaterial(bytes: Uint8Array, password: string | undefined, into: Collected): Promise<void> {
  if (bytes.length === 0) throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This file is empty. Choose the certificate, key or PFX file itself.");
  const text = decodeText(bytes);
  // A damaged byte can make PEM invalid UTF-8; it is still PEM, and the block reader names the damage.
  const pemText = text ?? new TextDecoder("utf-8").decode(bytes);
  if (pemText.includes("-----BEGIN")) {
    const blocks = decodePemBlocks(pemText);
    for (const block of blocks) await readPemBlock(block, password, into);
    return;
  }
  const compact = text?.replace(/\s+/g, "") ?? "";
  if (text !== undefined && compact.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    // Base64 without PEM armour: a Key Vault secret, an `az` output, a .cer saved as "Base-64".
    let der: Uint8Array | undefined;
    try {
      der = base64ToBytes(compact);
    } catch {
      der = undefined;
    }
    if (der) return readDer(der, password, into);
  }
  if (text !== undefined && bytes[0] !== 0x30) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This text holds no PEM block (a -----BEGIN CERTIFICATE----- or -----BEGIN PRIVATE KEY----- line). Paste the whole file, including its BEGIN and END lines.");
  }
  return readDer(bytes, password, into);
}

export const messages = { READABLE, CSR_NOTE, PASSWORD_REQUIRED_PFX };
