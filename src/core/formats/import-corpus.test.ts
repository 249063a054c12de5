/**
 * Malformed-input corpus: well over 1,000 damaged inputs generated from real files with a seeded
 * PRNG (so a failure reproduces). The import boundary must never throw, must leave its input
 * untouched, and must answer each with a message — or with a valid result when the damage
 * happened to leave a readable file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesEqual, utf8Decode, utf8Encode } from "../encoding";
import { decodePemBlocks, encodePem } from "./pem";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { encodeCertificateWithKeyPem } from "./combined-pem";
import { encryptPrivateKeyPkcs8 } from "./encrypted-private-key";
import { importCredentialMaterial } from "./import-material";
import { exportPkcs12 } from "./pkcs12-export";
import { seededRandom as prng } from "../../../test-support/seeded-random";

const PASSWORD = "corpus";


type Mutation = (input: Uint8Array, random: () => number) => Uint8Array;

const int = (random: () => number, max: number): number => Math.floor(random() * max);

const mutations: Record<string, Mutation> = {
  truncate: (input, random) => input.slice(0, int(random, input.length)),
  bitFlip: (input, random) => {
    const out = input.slice();
    for (let i = 0, n = 1 + int(random, 8); i < n; i++) {
      const at = int(random, out.length);
      out[at] = (out[at] ?? 0) ^ (1 << int(random, 8));
    }
    return out;
  },
  deleteBytes: (input, random) => {
    const at = int(random, input.length);
    return new Uint8Array([...input.subarray(0, at), ...input.subarray(at + 1 + int(random, 16))]);
  },
  insertBytes: (input, random) => {
    const at = int(random, input.length);
    const junk = crypto.getRandomValues(new Uint8Array(1 + int(random, 16))).map(() => int(random, 256));
    return new Uint8Array([...input.subarray(0, at), ...junk, ...input.subarray(at)]);
  },
  randomBytes: (_input, random) => new Uint8Array(int(random, 4096)).map(() => int(random, 256)),
  pngHeader: (input, random) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...input.subarray(int(random, 64))]),
  derHeaderOnly: (_input, random) => new Uint8Array([0x30, 0x82, int(random, 256), int(random, 256), ...new Uint8Array(int(random, 64)).map(() => int(random, 256))]),
};

const LABELS = ["CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "CERTIFICATE REQUEST", "FOO", "PUBLIC KEY", "PKCS12", "EC PRIVATE KEY", "X509 CRL"];

const textMutations: Record<string, (text: string, random: () => number) => string> = {
  relabel: (text, random) => {
    const label = LABELS[int(random, LABELS.length)] ?? "FOO";
    return text.replace(/(BEGIN|END) ([A-Z0-9 ]+)-----/g, (_match, edge: string) => `${edge} ${label}-----`);
  },
  mismatchedEnd: (text) => text.replace(/END ([A-Z ]+)-----/, "END SOMETHING ELSE-----"),
  noEnd: (text, random) => text.slice(0, text.lastIndexOf("-----END") - int(random, 40)),
  corruptBase64: (text, random) => {
    const lines = text.split("\n");
    const at = 1 + int(random, Math.max(1, lines.length - 2));
    lines[at] = (lines[at] ?? "").replace(/./, "!*");
    return lines.join("\n");
  },
  dropLines: (text, random) => {
    const lines = text.split("\n");
    lines.splice(1 + int(random, Math.max(1, lines.length - 3)), 1 + int(random, 4));
    return lines.join("\n");
  },
  procTypeHeader: (text) => text.replace(/-----\n/, "-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n"),
  emptyBlock: () => "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
};

describe("the import boundary under a malformed-input corpus", () => {
  let openssl: OpenSslWorkspace;
  const seeds: { name: string; bytes: Uint8Array; pem: boolean }[] = [];

  beforeAll(async () => {
    openssl = createOpenSslWorkspace();
    openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=corpus", "-days", "30"]);
    const keyPem = openssl.run(["pkey", "-in", "key.pem"]);
    const certPem = openssl.run(["x509", "-in", "cert.pem"]);
    const keyDer = decodePemBlocks(keyPem)[0]?.der ?? new Uint8Array();
    const certDer = decodePemBlocks(certPem)[0]?.der ?? new Uint8Array();
    // Low iteration counts keep thousands of PFX/PKCS#8 attempts fast; the formats are otherwise the real ones.
    const encryptedKey = await encryptPrivateKeyPkcs8(keyDer, PASSWORD, { iterations: 3 });
    seeds.push(
      { name: "cert.der", bytes: certDer, pem: false },
      { name: "cert.pem", bytes: utf8Encode(certPem), pem: true },
      { name: "key.der", bytes: keyDer, pem: false },
      { name: "key.pem", bytes: utf8Encode(keyPem), pem: true },
      { name: "key-rsa.pem", bytes: utf8Encode(openssl.run(["rsa", "-in", "key.pem", "-traditional"])), pem: true },
      { name: "key-encrypted.pem", bytes: utf8Encode(encodePem("ENCRYPTED PRIVATE KEY", encryptedKey)), pem: true },
      { name: "server-with-key.pem", bytes: utf8Encode(encodeCertificateWithKeyPem(keyDer, certDer)), pem: true },
      { name: "modern.pfx", bytes: await exportPkcs12({ privateKeyPkcs8Der: keyDer, certificateDer: certDer, password: PASSWORD, profile: "modern", iterations: 2 }), pem: false },
      { name: "legacy.pfx", bytes: await exportPkcs12({ privateKeyPkcs8Der: keyDer, certificateDer: certDer, password: PASSWORD, profile: "legacy", iterations: 2 }), pem: false },
    );
  });
  afterAll(() => openssl.dispose());

  it("never throws and answers each of 1,200+ damaged inputs with a message or a valid result", async () => {
    const random = prng(0xc0ffee);
    const cases: { label: string; inputs: { name?: string; bytes: Uint8Array }[]; password?: string }[] = [];
    for (const seed of seeds) {
      for (const [name, mutate] of Object.entries(mutations)) {
        for (let i = 0; i < 16; i++) cases.push({ label: `${seed.name}/${name}#${String(i)}`, inputs: [{ name: seed.name, bytes: mutate(seed.bytes, random) }], password: random() < 0.8 ? PASSWORD : undefined });
      }
      if (seed.pem) {
        const text = utf8Decode(seed.bytes);
        for (const [name, mutate] of Object.entries(textMutations)) {
          for (let i = 0; i < 6; i++) cases.push({ label: `${seed.name}/${name}#${String(i)}`, inputs: [{ bytes: utf8Encode(mutate(text, random)) }], password: PASSWORD });
        }
      }
    }
    for (let i = 0; i < 40; i++) {
      // Two damaged files at once, as the file picker allows.
      const [a, b] = [seeds[int(random, seeds.length)], seeds[int(random, seeds.length)]];
      if (!a || !b) continue;
      cases.push({ label: `pair#${String(i)}`, inputs: [{ name: a.name, bytes: mutations.bitFlip?.(a.bytes, random) ?? a.bytes }, { name: b.name, bytes: mutations.truncate?.(b.bytes, random) ?? b.bytes }], password: PASSWORD });
    }
    for (let i = 0; i < 4; i++) cases.push({ label: `huge#${String(i)}`, inputs: [{ name: "huge.bin", bytes: new Uint8Array(1024 * 1024 + 1 + i * 4096).fill(0x30) }] });
    expect(cases.length).toBeGreaterThanOrEqual(1000);

    const tally = { failures: 0, stillValid: 0 };
    const messages = new Map<string, number>();
    for (const testCase of cases) {
      const before = testCase.inputs.map((input) => input.bytes.slice());
      let result: Awaited<ReturnType<typeof importCredentialMaterial>>;
      try {
        result = await importCredentialMaterial(testCase.inputs, testCase.password);
      } catch (error) {
        throw new Error(`${testCase.label} threw past the boundary: ${String(error)}`);
      }
      testCase.inputs.forEach((input, i) => expect(bytesEqual(input.bytes, before[i] ?? new Uint8Array()), `${testCase.label} changed its input`).toBe(true));
      if (result.ok) {
        tally.stillValid++;
        expect(result.certificates.length > 0 || result.keyInfo !== undefined, testCase.label).toBe(true);
        for (const certificate of result.certificates) expect(certificate.details.thumbprints.sha1Hex, testCase.label).toMatch(/^[0-9A-F]{40}$/);
      } else {
        tally.failures++;
        messages.set(`${result.code} ${result.message.slice(0, 90)}`, (messages.get(`${result.code} ${result.message.slice(0, 90)}`) ?? 0) + 1);
        expect(result.message.length, testCase.label).toBeGreaterThan(20);
        expect(result.code, testCase.label).toMatch(/^ERR_[A-Z_]+$/);
        expect(result.message, testCase.label).not.toMatch(/undefined|\[object|TypeError|asn1|Cannot read/i);
      }
    }
    if (process.env.CORPUS_DEBUG) console.log(cases.length, tally, [...messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40));
    expect(tally.failures).toBeGreaterThan(1000);
  }, 60_000);
});
