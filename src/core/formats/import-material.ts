/**
 * The single import boundary: whatever the user drops, picks or pastes comes in here and comes
 * out as plain data or a message. It never throws.
 */
import { describeCertificate } from "../certificate/describe";
import { parseCertificateDer } from "../certificate/parse";
import { bytesEqual, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { KEY_MISMATCH_MESSAGE, keyMatchesCertificate as keyBelongsTo } from "../keys/key-match";
import { importRsaPrivateKey } from "../keys/rsa-keys";
import { entraKeyRuleProblem } from "../keys/rsa-key-size";
import type { ImportInput, ImportResult, ImportSuccess } from "./import-result";
import { describePrivateKey } from "./key-info";
import { messages, readMaterial, type Collected } from "./read-material";
import { MAX_IMPORT_BYTES } from "./import-limits";


function uniqueBytes(list: Uint8Array[]): Uint8Array[] {
  return list.filter((item, index) => list.findIndex((other) => bytesEqual(other, item)) === index);
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
      if (await keyBelongsTo(candidate, certificate)) {
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
  const keyMatchesCertificate = key && leaf ? await keyBelongsTo(key, leaf) : undefined;

  if (keyInfo?.reason) warnings.push(keyInfo.reason);
  const missingPartWarnings: ImportSuccess["missingPartWarnings"] = {};
  if (!keyInfo && described[0]) {
    missingPartWarnings.no_private_key = "No private key came with this certificate: the workbench shows it and its thumbprints, but signing a client assertion needs the key. Import the key file too, or a PFX that holds both.";
    warnings.push(missingPartWarnings.no_private_key);
  }
  if (keyInfo && described.length === 0) {
    missingPartWarnings.no_certificate = "No certificate came with this key: import the certificate issued for it (.crt, .cer or .pem), or create a certificate for it.";
    warnings.push(missingPartWarnings.no_certificate);
  }
  const leafDetails = described[0]?.details;
  const certificateKeyProblem = leafDetails && entraKeyRuleProblem({ algorithm: leafDetails.publicKeyAlgorithm, rsaKeyBits: leafDetails.rsaKeyBits }, "This certificate's key");
  if (certificateKeyProblem && !keyInfo?.reason) warnings.push(certificateKeyProblem);
  if (keyMatchesCertificate === false) warnings.push(KEY_MISMATCH_MESSAGE);

  return {
    ok: true,
    privateKeyPkcs8Der: key,
    certificates: described,
    keyInfo,
    keyMatchesCertificate,
    friendlyName: found.friendlyName,
    warnings,
    missingPartWarnings,
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
