/**
 * Reads one keyCredential (Graph `keyCredential`, or the Azure AD Graph manifest's older form with
 * `startDate`/`endDate`/`value`) into a certificate row. The thumbprint comes from the certificate in
 * `key` when present (SHA-1 of its DER, as the portal computes it); else from a thumbprint-shaped
 * customKeyIdentifier (read-custom-key-identifier.ts).
 */
import { base64ToBytes, bytesToHex, toArrayBuffer, toBytes } from "../encoding";
import { decodePemBlocks } from "../formats/pem";
import { optionalDateTime, optionalString, wrongType } from "./json-fields";
import type { JsonObject } from "./parse-json-documents";
import { readCustomKeyIdentifier } from "./read-custom-key-identifier";
import type { RegisteredCertificate } from "./registered-credential";

/** The certificate's DER from `key`: base64 of the DER, or (as some uploads left it) base64 of a PEM file. */
function certificateFromKey(key: string, path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(key);
  } catch {
    throw wrongType(path, "the certificate in base64 (DER), as Graph prints it", key);
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 11));
  if (head === "-----BEGIN ") {
    const block = decodePemBlocks(new TextDecoder().decode(bytes)).find((candidate) => candidate.label === "CERTIFICATE");
    if (!block) throw wrongType(path, "a certificate (base64 DER, or base64 of a PEM CERTIFICATE block)", key);
    return block.der;
  }
  // A DER certificate is an ASN.1 SEQUENCE (X.690 §8.9: tag 0x30).
  if (bytes[0] !== 0x30) throw wrongType(path, "a certificate in base64 (its DER starts with an ASN.1 SEQUENCE)", key);
  return bytes;
}

export async function readKeyCredential(entry: JsonObject, path: string): Promise<RegisteredCertificate> {
  const keyId = optionalString(entry, "keyId", path) ?? "";
  const displayName = optionalString(entry, "displayName", path);
  // Graph names the dates startDateTime/endDateTime; the Azure AD Graph manifest startDate/endDate.
  const startDateTime = optionalDateTime(entry, "startDateTime", path) ?? optionalDateTime(entry, "startDate", path);
  const endDateTime = optionalDateTime(entry, "endDateTime", path) ?? optionalDateTime(entry, "endDate", path);
  const type = optionalString(entry, "type", path);
  const usage = optionalString(entry, "usage", path);
  const identifierText = optionalString(entry, "customKeyIdentifier", path);
  const customKeyIdentifier = identifierText === undefined || identifierText.trim() === "" ? undefined : readCustomKeyIdentifier(identifierText);
  const keyName = optionalString(entry, "key", path) !== undefined ? "key" : "value";
  const keyText = optionalString(entry, keyName, path);

  const row: RegisteredCertificate = { kind: "certificate", keyId, displayName, startDateTime, endDateTime, type, usage, customKeyIdentifier, source: path };
  const identifierThumbprint = customKeyIdentifier && customKeyIdentifier.form !== "custom" ? customKeyIdentifier.thumbprint : undefined;
  if (keyText !== undefined && keyText.trim() !== "") {
    const certificateDer = certificateFromKey(keyText, `${path}.${keyName}`);
    const thumbprint = bytesToHex(toBytes(await crypto.subtle.digest("SHA-1", toArrayBuffer(certificateDer)))).toUpperCase();
    row.certificateDer = certificateDer;
    row.thumbprint = thumbprint;
    row.thumbprintFrom = "key";
    if (identifierThumbprint !== undefined && identifierThumbprint !== thumbprint) {
      row.identifierMismatch = `Its customKeyIdentifier says thumbprint ${identifierThumbprint}, but the certificate in key has ${thumbprint}. Entra identifies the certificate by the certificate itself: ${thumbprint} is the one an assertion's x5t must name.`;
    }
  } else if (identifierThumbprint !== undefined) {
    row.thumbprint = identifierThumbprint;
    row.thumbprintFrom = "customKeyIdentifier";
  }
  return row;
}
