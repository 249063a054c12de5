/**
 * The single import boundary: whatever the user drops, picks or pastes comes in here and comes
 * out as plain data or a message. It never throws.
 */
import { describeCertificate, parseCertificateDer, type CertificateDetails } from "../certificate";
import { bytesEqual, toBytes } from "../encoding";
import { WorkbenchError, type WorkbenchErrorCode } from "../errors";
import { importRsaPrivateKey } from "../keys";
import { describePrivateKey, KEY_MISMATCH_MESSAGE, privateKeyMatchesPublicKey, type KeyInfo } from "./key-info";
import { MAX_IMPORT_BYTES } from "./import-limits";
import { messages, readMaterial, type Collected } from "./read-material";

export { credentialFromImport, replaceCertificateIfKeyMatches } from "./credential-from-import";
export { KEY_MISMATCH_MESSAGE, type KeyInfo } from "./key-info";

export { MAX_IMPORT_BYTES } from "./import-limits";

export interface ImportInput {
  name?: string;
  bytes: Uint8Array;
}

export interface ImportedCertificate {
  der: Uint8Array;
  details: CertificateDetails;
}

export interface ImportSuccess {
  ok: true;
  privateKeyPkcs8Der?: Uint8Array;
  /** The key's certificate first when a key matches one; then the rest in file order. */
  certificates: ImportedCertificate[];
  keyInfo?: KeyInfo;
  /** Undefined when there is no key, no certificate, or the algorithm cannot be compared. */
  keyMatchesCertificate?: boolean;
  friendlyName?: string;
  warnings: string[];
}

export interface ImportFailure {
  ok: false;
  message: string;
  code: WorkbenchErrorCode;
}

export type ImportResult = ImportSuccess | ImportFailure;

function uniqueBytes(list: Uint8Array[]): Uint8Array[] {
  return list.filter((item, index) => list.findIndex((other) => bytesEqual(other, item)) === index);
}

function spkiOf(certificateDer: Uint8Array): Uint8Array {
  return toBytes(parseCertificateDer(certificateDer).publicKey.rawData);
}

function sizeMessage(input: ImportInput): string {
  const size = input.bytes.length < 10 * 1024 * 1024 ? `${String(Math.ceil(input.bytes.length / 1024))} KB` : `${String(Math.round(input.bytes.length / (1024 * 1024)))} MB`;
  return `${input.name ? `"${input.name}"` : "This input"} is ${size}; the workbench reads files up to 1 MB (1024 KB), and certificates, keys and PFX files are a few KB. Choose the certificate, key or PFX file itself.`;
}

async function assemble(found: Collected): Promise<ImportResult> {
  const keys = uniqueBytes(found.keys);
  const certificates = uniqueBytes(found.certificates);
  if (keys.length === 0 && certificates.length === 0 && found.foreignKeys.length === 0) {
    if (found.requests > 0) return { ok: false, code: "ERR_UNSUPPORTED_FORMAT", message: messages.CSR_NOTE };
    const [label] = found.unknownLabels;
    if (label !== undefined) return { ok: false, code: "ERR_INVALID_PEM", message: `PEM label '${label}' is not something the workbench reads; ${messages.READABLE}.` };
    return { ok: false, code: "ERR_UNSUPPORTED_FORMAT", message: "Nothing to import: no certificate, key or PFX was found." };
  }
  const warnings = [...found.warnings];
  if (found.requests > 0) warnings.push("A certificate signing request (CSR) was skipped: it is what you send to a CA, not a certificate.");
  for (const label of found.unknownLabels) warnings.push(`A PEM block labelled '${label}' was skipped; ${messages.READABLE}.`);

  // Pair each key with the certificate it belongs to; the first pair found wins.
  let key = keys[0];
  let leafIndex = -1;
  search: for (const candidate of keys) {
    for (const [index, certificate] of certificates.entries()) {
      if (await privateKeyMatchesPublicKey(candidate, spkiOf(certificate))) {
        key = candidate;
        leafIndex = index;
        break search;
      }
    }
  }
  if (keys.length > 1) warnings.push(`${String(keys.length)} private keys were found; the workbench uses ${leafIndex >= 0 ? "the one that matches the certificate" : "the first"}.`);
  const ordered = leafIndex > 0 ? [certificates[leafIndex] ?? new Uint8Array(), ...certificates.filter((_, i) => i !== leafIndex)] : certificates;

  const keyInfo = key ? describePrivateKey(key) : found.foreignKeys[0];
  if (key && keyInfo?.usableForEntra) {
    try {
      await importRsaPrivateKey(key);
    } catch {
      return { ok: false, code: "ERR_UNSUPPORTED_KEY", message: "This RSA private key could not be loaded by the browser's WebCrypto: it is damaged. Export it again from where it was made." };
    }
  }
  const described = await Promise.all(ordered.map(async (der) => ({ der, details: await describeCertificate(parseCertificateDer(der)) })));
  const leaf = ordered[0];
  const keyMatchesCertificate = key && leaf ? await privateKeyMatchesPublicKey(key, spkiOf(leaf)) : undefined;

  if (keyInfo?.reason) warnings.push(keyInfo.reason);
  if (!keyInfo && described[0]) {
    warnings.push("No private key came with this certificate: the workbench shows it and its thumbprints, but signing a client assertion needs the key. Import the key file too, or a PFX that holds both.");
  }
  if (keyInfo && described.length === 0) {
    warnings.push("No certificate came with this key: import the certificate issued for it (.crt, .cer or .pem), or create a certificate for it.");
  }
  const leafDetails = described[0]?.details;
  if (leafDetails && !keyInfo?.reason && (leafDetails.publicKeyAlgorithm !== "RSA" || (leafDetails.rsaKeyBits ?? 0) < 2048)) {
    warnings.push(`This certificate's key is ${leafDetails.publicKeyAlgorithm}${leafDetails.rsaKeyBits ? ` ${String(leafDetails.rsaKeyBits)}-bit` : ""}; Entra needs RSA ≥ 2048 bits (AADSTS50032).`);
  }
  if (keyMatchesCertificate === false) warnings.push(KEY_MISMATCH_MESSAGE);

  return {
    ok: true,
    privateKeyPkcs8Der: key,
    certificates: described,
    keyInfo,
    keyMatchesCertificate,
    friendlyName: found.friendlyName,
    warnings,
  };
}

/**
 * Reads certificates and keys from any mix of PEM, DER, PKCS#8 (plain or encrypted), PKCS#1 and
 * PKCS#12 inputs, detected by content. Returns `{ ok: false, message, code }` for anything it
 * cannot use — never throws — so the page keeps what it had.
 *
 * @example
 * const result = await importCredentialMaterial([{ name: "server.pfx", bytes }], "password");
 * if (result.ok) show(result.certificates[0].details.thumbprints.sha1Hex);
 */
export async function importCredentialMaterial(inputs: ImportInput[], password?: string): Promise<ImportResult> {
  try {
    if (inputs.length === 0) return { ok: false, code: "ERR_UNSUPPORTED_FORMAT", message: "Nothing to import: choose a file or paste PEM text." };
    const tooLarge = inputs.find((input) => input.bytes.length > MAX_IMPORT_BYTES);
    if (tooLarge) return { ok: false, code: "ERR_TOO_LARGE", message: sizeMessage(tooLarge) };
    const found: Collected = { keys: [], foreignKeys: [], certificates: [], requests: 0, unknownLabels: [], warnings: [] };
    for (const input of inputs) {
      try {
        await readMaterial(toBytes(input.bytes), password, found);
      } catch (error) {
        if (error instanceof WorkbenchError && inputs.length > 1 && input.name) {
          throw new WorkbenchError(error.code, `${input.name}: ${error.message}`, { cause: error });
        }
        throw error;
      }
    }
    return await assemble(found);
  } catch (error) {
    if (error instanceof WorkbenchError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "ERR_UNSUPPORTED_FORMAT", message: "This input could not be read as a certificate, key or PFX: it is damaged or in a format the workbench does not know. Check that you chose the right file." };
  }
}
