import { bytesToBase64, base64ToBytes } from "../encoding";
import { WorkbenchError } from "../errors";

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

/** Characters with a name people recognise; any other is shown with its code point. */
const CHARACTER_NAMES: Readonly<Record<string, string>> = {
  "\u00A0": "a no-break space (U+00A0)",
  "\u2028": "a Unicode line separator (U+2028)",
  "\u2029": "a Unicode paragraph separator (U+2029)",
  "\uFEFF": "a byte-order mark (U+FEFF)",
  "\u200B": "a zero-width space (U+200B)",
  "\u000B": "a vertical tab (U+000B)",
  "\u000C": "a form feed (U+000C)",
  "\u3000": "an ideographic space (U+3000)",
};

function describeCharacter(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return CHARACTER_NAMES[char] ?? (/^[\x21-\x7E]$/.test(char) ? `'${char}' (${code})` : `the character ${code}`);
}

/** 1-based line and column of `offset` in `text` (lines end at \n, as OpenSSL reads them). Only called on the error path. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let index = before.indexOf("\n"); index !== -1; index = before.indexOf("\n", index + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}

/**
 * The first character of a PEM body that OpenSSL would not read, or undefined. OpenSSL's base64 decoder
 * (crypto/evp/encode.c, conv_ascii2bin) takes the base64 alphabet, '=', and as whitespace only space, tab,
 * CR and LF; a no-break space, U+2028 or a BOM inside the body make `openssl x509 -in` fail, so they fail here too.
 */
const NOT_PEM_BODY = /[^A-Za-z0-9+/= \t\r\n]/;

/**
 * A block: its BEGIN and END lines are whole lines, as OpenSSL reads them (crypto/pem/pem_lib.c compares
 * "-----BEGIN " and "-----END " at the start of a line and "-----" at its end, trailing whitespace aside); a
 * boundary in the middle of a line is text, not a block.
 */
const pemBlockPattern = /(?<![^\n])-----BEGIN ([A-Z0-9 ]+)-----(?=[ \t\r]*\n)([\s\S]*?)\n-----END ([A-Z0-9 ]+)-----(?=[ \t\r]*(?:\n|$))/g;

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
    let lineOffset = (match.index ?? 0) + `-----BEGIN ${beginLabel}-----`.length;
    for (const line of content.split("\n")) {
      const header = /^([A-Za-z-]+):[ \t]*(.*)$/.exec(line.trim());
      if (header && header[1] && header[2] !== undefined) headers[header[1]] = header[2];
      else {
        const bad = NOT_PEM_BODY.exec(line);
        if (bad) {
          const { line: lineNumber, column } = lineAndColumn(text, lineOffset + bad.index);
          throw new WorkbenchError(
            "ERR_INVALID_PEM",
            `The "${beginLabel}" PEM block has ${describeCharacter(bad[0])} at line ${String(lineNumber)}, column ${String(column)}: PEM allows only base64 characters and plain spaces, tabs and line breaks (OpenSSL refuses it too). Delete that character, or copy the block again from the original file with a plain-text editor.`,
          );
        }
        bodyLines.push(line);
      }
      lineOffset += line.length + 1;
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
