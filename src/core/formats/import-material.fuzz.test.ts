/**
 * Property-based tests of the import boundary (PEM, DER certificates and keys, PKCS#8, PKCS#1, encrypted
 * PKCS#8, PKCS#12), seeded with real files OpenSSL makes in the test. Every mutated file must be answered
 * quickly with a result or the project's coded error, and whatever the import accepts, OpenSSL must accept
 * too and read the same certificate and key from it. Budgets: test-support/fuzz.ts.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzAssert } from "../../../test-support/fuzz";
import { WorkbenchError } from "../errors";
import { CORPUS_PASSWORD, createCorpus, mutate, mutateInsideArmour, mutationsArbitrary, UNCODED_FAILURE, type Corpus, type CorpusFile } from "../../../test-support/fuzz-corpus";
import { importCredentialMaterial } from "./import-material";
import { readMaterial, type Collected } from "./read-material";

/** The longest one import of a mutated file may take: a crafted PFX's iterations are bounded well below this. */
const MAX_IMPORT_MS = 5000;

let corpus: Corpus;
beforeAll(() => {
  corpus = createCorpus();
});
afterAll(() => corpus.dispose());

const emptyCollected = (): Collected => ({ keys: [], foreignKeys: [], certificates: [], requests: 0, unknownLabels: [], warnings: [] });

/** What OpenSSL makes of a file of this kind: the certificate's SHA-1 and the key's public half (PEM), or undefined when it refuses it. */
function opensslReads(file: CorpusFile, bytes: Uint8Array): { sha1?: string; publicKeyPem?: string } | undefined {
  const path = corpus.openssl.write("mutated.bin", bytes);
  const pass = ["-passin", `pass:${CORPUS_PASSWORD}`];
  const pem = file.kind.endsWith("-pem");
  if (file.kind.startsWith("certificate")) {
    const result = corpus.openssl.tryRun(["x509", "-in", path, "-inform", pem ? "PEM" : "DER", "-noout", "-fingerprint", "-sha1"]);
    return result.status === 0 ? { sha1: /=([0-9A-F:]+)/.exec(result.stdout)?.[1]?.replace(/:/g, "") } : undefined;
  }
  if (file.kind === "pkcs12") {
    const certificate = corpus.openssl.tryRun(["pkcs12", "-in", path, ...pass, "-nokeys", "-clcerts", "-out", "pfx-cert.pem"]);
    const key = corpus.openssl.tryRun(["pkcs12", "-in", path, ...pass, "-nocerts", "-nodes", "-out", "pfx-key.pem"]);
    if (certificate.status !== 0 || key.status !== 0) return undefined;
    const sha1 = corpus.openssl.tryRun(["x509", "-in", "pfx-cert.pem", "-noout", "-fingerprint", "-sha1"]);
    const publicKey = corpus.openssl.tryRun(["pkey", "-in", "pfx-key.pem", "-pubout"]);
    if (sha1.status !== 0 || publicKey.status !== 0) return undefined;
    return { sha1: /=([0-9A-F:]+)/.exec(sha1.stdout)?.[1]?.replace(/:/g, ""), publicKeyPem: publicKey.stdout };
  }
  const result = corpus.openssl.tryRun(["pkey", "-in", path, "-inform", pem ? "PEM" : "DER", ...pass, "-pubout"]);
  return result.status === 0 ? { publicKeyPem: result.stdout } : undefined;
}

const fileIndex = () => fc.integer({ min: 0, max: 8 });

describe("import fuzzing (seed corpus made by OpenSSL)", () => {
  it("the seed corpus itself imports, and OpenSSL reads the same certificate and key from it", async () => {
    for (const file of corpus.files) {
      const result = await importCredentialMaterial([{ name: file.name, bytes: file.bytes }], CORPUS_PASSWORD);
      expect(result.ok, file.name).toBe(true);
      const reference = opensslReads(file, file.bytes);
      expect(reference, file.name).toBeDefined();
    }
  });

  it("a PEM block whose outermost tag is not SEQUENCE (0x30 flipped to 0xB0) is refused, as OpenSSL refuses it (found by this fuzzer)", async () => {
    for (const file of corpus.files.filter((candidate) => candidate.kind.endsWith("-pem"))) {
      const bytes = mutateInsideArmour(file.bytes, [{ op: "flip", at: 0, bit: 7 }]);
      expect(opensslReads(file, bytes), file.name).toBeUndefined();
      const result = await importCredentialMaterial([{ name: file.name, bytes }], CORPUS_PASSWORD);
      expect(result.ok, file.name).toBe(false);
    }
  });

  it("a file of 100,000 nested SEQUENCEs (BER, indefinite lengths) is refused quickly with a coded message", async () => {
    const nested = new Uint8Array(400_000);
    for (let level = 0; level < 100_000; level++) nested.set([0x30, 0x80], level * 2);
    const started = performance.now();
    await expect(readMaterial(nested, undefined, emptyCollected())).rejects.toBeInstanceOf(WorkbenchError);
    const result = await importCredentialMaterial([{ bytes: nested }]);
    expect(result).toMatchObject({ ok: false, code: "ERR_UNSUPPORTED_FORMAT" });
    expect(performance.now() - started).toBeLessThan(MAX_IMPORT_MS);
  });

  it("readMaterial throws nothing but WorkbenchError on a mutated file, and answers within the bound", async () => {
    await fuzzAssert(
      "import-read-material-coded-errors",
      fc.asyncProperty(fileIndex(), mutationsArbitrary, fc.boolean(), fc.boolean(), async (index, mutations, insideArmour, withPassword) => {
        const file = corpus.files[index] as CorpusFile;
        const bytes = insideArmour ? mutateInsideArmour(file.bytes, mutations) : mutate(file.bytes, mutations);
        const started = performance.now();
        try {
          await readMaterial(bytes, withPassword ? CORPUS_PASSWORD : undefined, emptyCollected());
        } catch (error) {
          if (!(error instanceof WorkbenchError)) throw new Error(`${file.name}: not a coded error: ${String(error)}`, { cause: error });
          expect(error.message).not.toMatch(UNCODED_FAILURE);
        }
        expect(performance.now() - started).toBeLessThan(MAX_IMPORT_MS);
      }),
      80,
    );
  }, 120_000);

  it("whatever the import accepts from a mutated file, OpenSSL accepts too and reads the same certificate and key", async () => {
    await fuzzAssert(
      "import-agrees-with-openssl",
      fc.asyncProperty(fileIndex(), mutationsArbitrary, fc.boolean(), async (index, mutations, insideArmour) => {
        const file = corpus.files[index] as CorpusFile;
        const bytes = insideArmour ? mutateInsideArmour(file.bytes, mutations) : mutate(file.bytes, mutations);
        const started = performance.now();
        const result = await importCredentialMaterial([{ name: file.name, bytes }], CORPUS_PASSWORD);
        expect(performance.now() - started).toBeLessThan(MAX_IMPORT_MS);
        if (!result.ok) {
          expect(result.code).toMatch(/^ERR_[A-Z_]+$/);
          expect(result.message).not.toMatch(UNCODED_FAILURE);
          return;
        }
        const reference = opensslReads(file, bytes);
        if (!reference) throw new Error(`${file.name}: the import accepted a file OpenSSL refuses`);
        const certificate = result.certificates[0];
        if (reference.sha1 !== undefined) expect(certificate?.details.thumbprints.sha1Hex).toBe(reference.sha1);
        if (reference.publicKeyPem !== undefined) {
          expect(result.privateKeyPkcs8Der).toBeDefined();
          const ours = createPublicKey(createPrivateKey({ key: Buffer.from(result.privateKeyPkcs8Der ?? new Uint8Array()), format: "der", type: "pkcs8" }));
          expect(ours.export({ type: "spki", format: "pem" })).toBe(reference.publicKeyPem);
        }
        // The certificate the import hands the page is the one Node's own parser reads too.
        if (certificate) expect(new X509Certificate(certificate.der).fingerprint.replace(/:/g, "")).toBe(certificate.details.thumbprints.sha1Hex);
      }),
      60,
    );
  }, 120_000);
});
