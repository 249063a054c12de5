import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { malformedCertificateName } from "./name-strings";
import { parseCertificateDer } from "./parse";

// Certificates made by OpenSSL; each damaged copy is judged by `openssl x509` first (found by the import fuzzer).
let openssl: OpenSslWorkspace;
let der: Uint8Array;
beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=fuzz corpus/O=Contoso", "-days", "2", "-outform", "PEM"]);
  openssl.run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"]);
  der = new Uint8Array(readFileSync(openssl.path("cert.der")));
});
afterAll(() => openssl.dispose());

function opensslReads(bytes: Uint8Array): boolean {
  openssl.write("case.der", bytes);
  return openssl.tryRun(["x509", "-in", "case.der", "-inform", "DER", "-noout", "-subject"]).status === 0;
}

/** The certificate with one byte of the first `text` in its names replaced (the issuer's comes first). */
function withByte(text: string, occurrence: number, value: number): Uint8Array {
  const bytes = der.slice();
  const needle = Buffer.from(text);
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) at = Buffer.from(bytes).indexOf(needle, at + 1);
  bytes[at + 2] = value;
  return bytes;
}

describe("malformedCertificateName", () => {
  it("finds nothing wrong in OpenSSL's own certificate", () => {
    expect(opensslReads(der)).toBe(true);
    expect(malformedCertificateName(der)).toBeUndefined();
  });

  it.each([
    ["issuer", 0],
    ["subject", 1],
  ] as const)("a byte that is not UTF-8 in the %s's UTF8String is named, as OpenSSL refuses it", (name, occurrence) => {
    const damaged = withByte("fuzz corpus", occurrence, 0xf2);
    expect(opensslReads(damaged)).toBe(false);
    expect(malformedCertificateName(damaged)).toBe(name);
    expect(() => parseCertificateDer(damaged)).toThrow(`its ${name} name holds text that is not what its string type says`);
  });

  it("another valid UTF-8 character is a different name, not a damaged one (OpenSSL reads it too)", () => {
    const changed = withByte("fuzz corpus", 1, 0x5a);
    expect(opensslReads(changed)).toBe(true);
    expect(malformedCertificateName(changed)).toBeUndefined();
  });
});
