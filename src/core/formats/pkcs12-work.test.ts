import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WorkbenchError } from "../errors";
import { CRAFTED_PFX_SCHEMES, opensslCertificatePfx, repeatEncryptedPart as withCopies } from "../../../test-support/crafted-pfx";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { importPkcs12 } from "./pkcs12-import";
import { MAX_PKCS12_IMPORT_ITERATIONS } from "./pkcs12-work";

// Crafted PFX files, whose decryption work is bounded before any is done: the fixtures are made by OpenSSL (one encrypted certificate part) and multiplied with
// node-forge's ASN.1 codec (RFC 7292 §4.1: an AuthenticatedSafe is a SEQUENCE OF ContentInfo), never by our exporter
// (test-support/crafted-pfx.ts).
const PASSWORD = "pw";
let openssl: OpenSslWorkspace;

async function refusal(pfx: Uint8Array): Promise<WorkbenchError> {
  const error: unknown = await importPkcs12(pfx, PASSWORD).then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof WorkbenchError)) throw new Error(`expected a WorkbenchError, got ${String(error)}`);
  return error;
}

let legacy: Uint8Array;
let pbkdf2: Uint8Array;

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=pfx-work", "-days", "2"]);
  legacy = opensslCertificatePfx(openssl, "cert.pem", CRAFTED_PFX_SCHEMES.legacy3des, 50_000, PASSWORD);
  pbkdf2 = opensslCertificatePfx(openssl, "cert.pem", CRAFTED_PFX_SCHEMES.pbkdf2, 2_000_000, PASSWORD);
});
afterAll(() => {
  openssl.dispose();
  vi.restoreAllMocks();
});

describe("one PFX import has a bounded key-derivation budget", () => {
  it("opens OpenSSL's part copied twice without a MAC, with the right password: the fixture is real", async () => {
    const twice = withCopies(legacy, 2);
    openssl.write("twice.pfx", twice);
    // OpenSSL reads the rebuilt file too (no MAC to check), so the copies are well-formed.
    expect(openssl.run(["pkcs12", "-in", "twice.pfx", "-nokeys", "-legacy", "-nomacver", "-passin", `pass:${PASSWORD}`])).toContain("BEGIN CERTIFICATE");
    const contents = await importPkcs12(twice, PASSWORD);
    expect(contents.unauthenticated).toBe(true);
    expect(contents.certificates).toHaveLength(2);
  });

  it("refuses 120 parts of legacy 3DES at 50,000 iterations at once, before any derivation, naming the count and the fix", async () => {
    const digest = vi.spyOn(crypto.subtle, "digest");
    const deriveBits = vi.spyOn(crypto.subtle, "deriveBits");
    const error = await refusal(withCopies(legacy, 120));
    expect(error.code).toBe("ERR_UNSUPPORTED_FORMAT");
    // 120 parts × (key + IV) × 50,000 iterations.
    expect(error.message).toContain("12,000,000 key-derivation iterations");
    expect(error.message).toContain("120 encrypted parts, up to 100,000 iterations each");
    expect(error.message).toContain(MAX_PKCS12_IMPORT_ITERATIONS.toLocaleString("en-US"));
    expect(error.message).toContain("openssl pkcs12 -export");
    expect(digest).not.toHaveBeenCalled();
    expect(deriveBits).not.toHaveBeenCalled();
  });

  it("refuses 12 parts of PBKDF2 at 2,000,000 iterations at once", async () => {
    const deriveBits = vi.spyOn(crypto.subtle, "deriveBits");
    const error = await refusal(withCopies(pbkdf2, 12));
    expect(error.message).toContain("24,000,000 key-derivation iterations");
    expect(error.message).toContain("12 encrypted parts");
    expect(deriveBits).not.toHaveBeenCalled();
  });

  it("counts both password candidates for an empty password when there is no MAC", async () => {
    // 6 parts × 100,000 = 600,000 for one candidate; an empty password tries "" and OpenSSL's NULL password.
    const error: unknown = await importPkcs12(withCopies(legacy, 6), "").then(() => undefined, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).message).toContain("1,200,000 key-derivation iterations");
  });
});
