import { readFileSync } from "node:fs";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WorkbenchError } from "../errors";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../testing/openssl";
import { importPkcs12 } from "./pkcs12-import";
import { MAX_PKCS12_IMPORT_ITERATIONS } from "./pkcs12-work";

// Issue 11, item 6: the fixtures are made by OpenSSL (one encrypted certificate part) and multiplied with
// node-forge's ASN.1 codec (RFC 7292 §4.1: an AuthenticatedSafe is a SEQUENCE OF ContentInfo), never by our exporter.
const PASSWORD = "pw";
let openssl: OpenSslWorkspace;

/** OpenSSL's PFX with one EncryptedData part holding the certificate, under `pbe` at `iterations`. */
function opensslPfx(name: string, pbe: string[], iterations: number): Uint8Array {
  openssl.run(["pkcs12", "-export", ...pbe, "-iter", String(iterations), "-nokeys", "-in", "cert.pem", "-out", name, "-passout", `pass:${PASSWORD}`]);
  return new Uint8Array(readFileSync(openssl.path(name)));
}

/** The same PFX with its EncryptedData part repeated `copies` times and no MAC (`openssl pkcs12 -nomac`, RFC 7292 §4 macData OPTIONAL). */
function withCopies(pfxDer: Uint8Array, copies: number): Uint8Array {
  const pfx = forge.asn1.fromDer(forge.util.createBuffer(String.fromCharCode(...pfxDer)));
  const [version, authSafe] = pfx.value as forge.asn1.Asn1[];
  const [, explicitContent] = (authSafe?.value ?? []) as forge.asn1.Asn1[];
  const octets = (explicitContent?.value as forge.asn1.Asn1[])[0];
  const contents = forge.asn1.fromDer(forge.util.createBuffer(octets?.value as string)).value as forge.asn1.Asn1[];
  const encrypted = contents.find((info) => forge.asn1.derToOid(forge.util.createBuffer((info.value as forge.asn1.Asn1[])[0]?.value as string)) === "1.2.840.113549.1.7.6");
  if (!version || !authSafe || !explicitContent || !octets || !encrypted) throw new Error("unexpected OpenSSL PFX layout");
  const { asn1 } = forge;
  const repeated = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, Array.from({ length: copies }, () => encrypted));
  const data = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, asn1.toDer(repeated).getBytes());
  const contentInfo = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer("1.2.840.113549.1.7.1").getBytes()),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [data]),
  ]);
  const rebuilt = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [version, contentInfo]);
  return Uint8Array.from(asn1.toDer(rebuilt).getBytes(), (char) => char.charCodeAt(0));
}

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
  legacy = opensslPfx("legacy.pfx", ["-legacy", "-certpbe", "PBE-SHA1-3DES"], 50_000);
  pbkdf2 = opensslPfx("pbkdf2.pfx", ["-certpbe", "AES-256-CBC"], 2_000_000);
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
