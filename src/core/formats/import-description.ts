/**
 * Names an input the way the user knows it — the file they chose, or "the pasted text" — and, when
 * its content does not fit its name, what it looked like ("server.pfx looks like a text file, not a
 * PFX"). Import reads by content, never by file name; this only makes its messages point at the right file.
 */

/** Printable ASCII, tabs and line breaks only: what PEM, base64 and other text files hold. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const sample = bytes.subarray(0, 4096);
  return sample.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f));
}

const BINARY_EXTENSIONS: Readonly<Record<string, string>> = { pfx: "a PFX", p12: "a PKCS#12 (PFX) file", der: "a DER file" };
const TEXT_EXTENSIONS: Readonly<Record<string, string>> = { pem: "a PEM text file", key: "a PEM key file", csr: "a PEM certificate request" };

export const PASTED_TEXT_NAME = "the pasted text";

/** "server.pfx looks like a text file, not a PFX" — or just the name when the content fits it. */
export function describeImportInput(input: { name?: string; bytes: Uint8Array; pasted?: boolean }): string {
  if (input.pasted || !input.name) return PASTED_TEXT_NAME;
  const extension = /\.([a-z0-9]+)$/i.exec(input.name)?.[1]?.toLowerCase() ?? "";
  const text = looksLikeText(input.bytes);
  if (text && BINARY_EXTENSIONS[extension]) return `${input.name} looks like a text file, not ${BINARY_EXTENSIONS[extension]}`;
  if (!text && input.bytes.length > 0 && TEXT_EXTENSIONS[extension]) return `${input.name} looks like a binary file, not ${TEXT_EXTENSIONS[extension]}`;
  return input.name;
}

/** Puts the input's description in front of an import message unless the message already names it. */
export function messageAboutInput(description: string, message: string): string {
  const name = description === PASTED_TEXT_NAME ? description : description.split(" looks like ")[0] ?? description;
  if (message.includes(name) && description === name) return message;
  // A file name keeps its case; only "the pasted text" starts the sentence with a capital.
  const lead = description === PASTED_TEXT_NAME ? "The pasted text" : description;
  return `${lead}: ${message}`;
}
