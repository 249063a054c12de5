import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkbenchError } from "../errors";
import { decodePemBlocks } from "./pem";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";

// A PEM body is read exactly as OpenSSL reads it — base64 with ASCII spaces, tabs
// and line breaks — and every case below is judged by `openssl x509 -in` first.
let openssl: OpenSslWorkspace;
let pem: string;
let lines: string[];

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=pem-test", "-days", "2"]);
  pem = openssl.run(["x509", "-in", "cert.pem"]);
  lines = pem.split("\n");
});
afterAll(() => openssl.dispose());

/** The certificate with `insert` put at line `line` (1-based), column `column` (1-based). */
function withCharacter(insert: string, line: number, column: number): string {
  return lines.map((text, index) => (index === line - 1 ? `${text.slice(0, column - 1)}${insert}${text.slice(column - 1)}` : text)).join("\n");
}

function opensslReads(text: string): boolean {
  openssl.write("case.pem", text);
  return openssl.tryRun(["x509", "-in", "case.pem", "-noout", "-subject"]).status === 0;
}

function decodeError(text: string): WorkbenchError {
  try {
    decodePemBlocks(text);
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error("expected decodePemBlocks to refuse the text");
}

describe("PEM body characters (RFC 7468 §3; OpenSSL's base64 decoder)", () => {
  it.each([
    ["a no-break space (U+00A0)", "\u00A0", 3, 11],
    ["a Unicode line separator (U+2028)", "\u2028", 4, 20],
    ["a byte-order mark (U+FEFF)", "\uFEFF", 5, 1],
    ["a vertical tab (U+000B)", "\u000B", 2, 20],
    ["a form feed (U+000C)", "\u000C", 6, 30],
    ["the character U+00E9", "\u00E9", 2, 2],
  ])("refuses %s inside the body, as OpenSSL does, and says where", (name, char, line, column) => {
    const text = withCharacter(char, line, column);
    expect(opensslReads(text)).toBe(false);
    const error = decodeError(text);
    expect(error.code).toBe("ERR_INVALID_PEM");
    expect(error.message).toContain(`has ${name} at line ${String(line)}, column ${String(column)}`);
    expect(error.message).toContain('"CERTIFICATE" PEM block');
  });

  it.each([
    ["a space", " ", 3, 11],
    ["a tab", "\t", 4, 7],
    ["a carriage return", "\r", 2, 30],
  ])("accepts %s inside the body, as OpenSSL does", (_name, char, line, column) => {
    const text = withCharacter(char, line, column);
    expect(opensslReads(text)).toBe(true);
    expect(decodePemBlocks(text)[0]?.der).toEqual(decodePemBlocks(pem)[0]?.der);
  });

  it("accepts CRLF line ends, trailing spaces and a blank line after BEGIN, as OpenSSL does", () => {
    for (const text of [pem.replaceAll("\n", "\r\n"), lines.map((line) => (line.startsWith("-") ? line : `${line}  `)).join("\n"), pem.replace("-----\n", "-----\n\n")]) {
      expect(opensslReads(text)).toBe(true);
      expect(decodePemBlocks(text)[0]?.der).toEqual(decodePemBlocks(pem)[0]?.der);
    }
  });

  it("counts lines in the whole text, after other blocks and text before them", () => {
    const text = `Bag Attributes\n    friendlyName: x\n${pem}${withCharacter("\u00A0", 2, 5)}`;
    expect(decodeError(text).message).toContain(`at line ${String(2 + lines.length - 1 + 2)}, column 5`);
  });
});

describe("PEM boundaries are whole lines, as OpenSSL reads them (found by the import fuzzer)", () => {
  it.each([
    ["a BEGIN line in the middle of a line", () => `N CERTIFICATE-----\nMIIB${pem}`],
    ["text after the END line's dashes", () => pem.replace(/-----\n$/, "-----\u0088t\u00dc\n")],
    ["an END line in the middle of a line", () => pem.replace("\n-----END", "-----END")],
  ])("%s is not a block: OpenSSL refuses it, and so do we", (_name, make) => {
    const text = make();
    expect(opensslReads(text)).toBe(false);
    expect(decodeError(text).code).toBe("ERR_INVALID_PEM");
  });

  it("text before the BEGIN line and after the END line (on their own lines) is still ignored", () => {
    const text = `Subject: CN=pem-test\n${pem}trailing note\n`;
    expect(opensslReads(text)).toBe(true);
    expect(decodePemBlocks(text)[0]?.der).toEqual(decodePemBlocks(pem)[0]?.der);
  });
});
