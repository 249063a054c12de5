import { bytesToBase64, base64ToBytes } from "./encoding";
import { WorkbenchError } from "./errors";

/** The PEM labels the workbench writes and reads (RFC 7468 §5–§11). */
export type PemLabel =
  | "CERTIFICATE"
  | "PRIVATE KEY"
  | "RSA PRIVATE KEY"
  | "ENCRYPTED PRIVATE KEY"
  | "CERTIFICATE REQUEST"
  | "PUBLIC KEY"
  | "RSA PUBLIC KEY";

/** Encodes DER as PEM with 64-character lines and a trailing newline (RFC 7468 §2), as OpenSSL writes it. */
export function encodePem(label: PemLabel, der: Uint8Array): string {
  const body = bytesToBase64(der).replace(/.{1,64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

export interface PemBlock {
  label: string;
  der: Uint8Array;
  /** Headers such as `Proc-Type` of legacy OpenSSL encrypted keys (RFC 1421), if any. */
  headers: Record<string, string>;
}

const pemBlockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;

/**
 * Finds every PEM block in a text (several are allowed, as in the az CLI's key+certificate file).
 * Text between blocks (OpenSSL's "Bag Attributes", comments) is ignored.
 */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(pemBlockPattern)) {
    const [, beginLabel = "", content = "", endLabel = ""] = match;
    if (beginLabel !== endLabel) {
      throw new WorkbenchError(
        "ERR_INVALID_PEM",
        `The PEM block "BEGIN ${beginLabel}" ends with "END ${endLabel}". Copy the whole block again, from its BEGIN line to its matching END line.`,
      );
    }
    const headers: Record<string, string> = {};
    const bodyLines: string[] = [];
    for (const line of content.split(/\r?\n/)) {
      const header = /^([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
      if (header && header[1] && header[2] !== undefined) headers[header[1]] = header[2];
      else bodyLines.push(line);
    }
    let der: Uint8Array;
    try {
      der = base64ToBytes(bodyLines.join(""));
    } catch (error) {
      throw new WorkbenchError(
        "ERR_INVALID_PEM",
        `The "${beginLabel}" PEM block is not valid base64: it may be truncated or edited. Copy it again from the original file.`,
        { cause: error },
      );
    }
    if (der.length === 0) {
      throw new WorkbenchError("ERR_INVALID_PEM", `The "${beginLabel}" PEM block is empty. Copy it again from the original file.`);
    }
    blocks.push({ label: beginLabel, der, headers });
  }
  if (blocks.length === 0 && /-----BEGIN /.test(text)) {
    throw new WorkbenchError(
      "ERR_INVALID_PEM",
      "A PEM block starts but never ends (no matching -----END ...----- line). The text is probably truncated: copy the whole file again.",
    );
  }
  return blocks;
}
