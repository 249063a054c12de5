/**
 * Seed corpora for the property-based (fuzz) tests: real files made by the OpenSSL CLI in the test's own
 * workspace (never by the code under test), and the mutations fast-check applies to them. A mutation is drawn
 * from plain fast-check values (positions, bytes, lengths), so a failing case shrinks to a small one.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "./openssl";

/** The password of every encrypted file in the corpus. */
export const CORPUS_PASSWORD = "fuzz-corpus";

export interface CorpusFile {
  /** A name with the extension a user's file would have. */
  name: string;
  bytes: Uint8Array;
  /** What OpenSSL reads it as, to ask it again about a mutated copy. */
  kind: "certificate-pem" | "certificate-der" | "key-pem" | "key-der" | "encrypted-key-pem" | "pkcs12";
}

export interface Corpus {
  files: CorpusFile[];
  /** The certificate (DER) and its private key (PKCS#8 DER) every file holds. */
  certificateDer: Uint8Array;
  keyPkcs8Der: Uint8Array;
  keyPem: string;
  openssl: OpenSslWorkspace;
  dispose: () => void;
}

/**
 * One RSA key and self-signed certificate, written by OpenSSL in each form the import reads: certificate PEM
 * and DER, PKCS#8 PEM and DER, PKCS#1 PEM and DER, encrypted PKCS#8 (PBES2, AES-256-CBC), PKCS#12 with AES
 * (OpenSSL 3's default) and with 3DES (the Windows-compatible form). Iteration counts are low so a mutated
 * file is read quickly; the page's own bounds on them are tested elsewhere.
 */
export function createCorpus(): Corpus {
  const openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=fuzz corpus/O=Contoso", "-days", "30", "-addext", "extendedKeyUsage=clientAuth"]);
  openssl.run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"]);
  // OpenSSL 3.0's `pkey -outform DER` writes an RSA key as PKCS#1; `pkcs8 -topk8 -nocrypt` writes PKCS#8.
  openssl.run(["pkey", "-in", "key.pem", "-outform", "DER", "-out", "key.der"]);
  openssl.run(["pkcs8", "-topk8", "-nocrypt", "-in", "key.pem", "-outform", "DER", "-out", "key-pkcs8.der"]);
  openssl.run(["rsa", "-in", "key.pem", "-traditional", "-out", "key-rsa.pem"]);
  openssl.run(["pkcs8", "-topk8", "-in", "key.pem", "-v2", "aes-256-cbc", "-iter", "1000", "-passout", `pass:${CORPUS_PASSWORD}`, "-out", "key-encrypted.pem"]);
  openssl.run(["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-iter", "1000", "-passout", `pass:${CORPUS_PASSWORD}`, "-out", "modern.pfx"]);
  openssl.run(["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-iter", "1000", "-passout", `pass:${CORPUS_PASSWORD}`, "-out", "legacy.pfx"]);
  const read = (name: string) => new Uint8Array(readFileSync(openssl.path(name)));
  const files: CorpusFile[] = [
    { name: "cert.pem", bytes: read("cert.pem"), kind: "certificate-pem" },
    { name: "cert.cer", bytes: read("cert.der"), kind: "certificate-der" },
    { name: "key.pem", bytes: read("key.pem"), kind: "key-pem" },
    { name: "key.der", bytes: read("key.der"), kind: "key-der" },
    { name: "key-pkcs8.der", bytes: read("key-pkcs8.der"), kind: "key-der" },
    { name: "key-rsa.pem", bytes: read("key-rsa.pem"), kind: "key-pem" },
    { name: "key-encrypted.pem", bytes: read("key-encrypted.pem"), kind: "encrypted-key-pem" },
    { name: "modern.pfx", bytes: read("modern.pfx"), kind: "pkcs12" },
    { name: "legacy.pfx", bytes: read("legacy.pfx"), kind: "pkcs12" },
  ];
  return {
    files,
    certificateDer: read("cert.der"),
    keyPkcs8Der: read("key-pkcs8.der"),
    keyPem: readFileSync(openssl.path("key.pem"), "utf8"),
    openssl,
    dispose: () => openssl.dispose(),
  };
}

/** One change to a byte string, as fast-check draws it: a position (a fraction of the length) and its data. */
export type Mutation =
  | { op: "flip"; at: number; bit: number }
  | { op: "set"; at: number; byte: number }
  | { op: "truncate"; at: number }
  | { op: "delete"; at: number; count: number }
  | { op: "insert"; at: number; bytes: Uint8Array }
  | { op: "duplicate"; at: number; count: number };

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Single mutations; a case applies one to five of them. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("flip" as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant("set" as const), at: position, byte: fc.constantFrom(0x00, 0x30, 0x80, 0x81, 0x82, 0x84, 0xff, 0x0a, 0x2d) }),
  fc.record({ op: fc.constant("truncate" as const), at: position }),
  fc.record({ op: fc.constant("delete" as const), at: position, count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant("insert" as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant("duplicate" as const), at: position, count: fc.integer({ min: 1, max: 64 }) }),
);

/** Applies the mutations in order. */
export function mutate(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = input.slice();
  for (const mutation of mutations) {
    const at = Math.floor(mutation.at * bytes.length);
    switch (mutation.op) {
      case "flip":
        if (bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << mutation.bit);
        break;
      case "set":
        if (bytes.length > 0) bytes[at] = mutation.byte;
        break;
      case "truncate":
        bytes = bytes.slice(0, at);
        break;
      case "delete":
        bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + mutation.count)]);
        break;
      case "insert":
        bytes = new Uint8Array([...bytes.subarray(0, at), ...mutation.bytes, ...bytes.subarray(at)]);
        break;
      case "duplicate":
        bytes = new Uint8Array([...bytes.subarray(0, at + mutation.count), ...bytes.subarray(at)]);
        break;
    }
  }
  return bytes;
}

/** One to five mutations, single bit flips most often: those are the ones that can leave a structure readable. */
export const mutationsArbitrary = fc.array(
  fc.oneof({ weight: 3, arbitrary: fc.record({ op: fc.constant("flip" as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }) }, { weight: 2, arbitrary: mutationArbitrary }),
  { minLength: 1, maxLength: 5 },
);

/**
 * The mutation applied to the DER inside a PEM file's armour, then armoured again by Node's base64 (not the
 * code under test): the damage reaches the ASN.1 reader instead of stopping at the base64 decoder.
 */
export function mutateInsideArmour(pem: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  const text = Buffer.from(pem).toString("latin1");
  const match = /^(-----BEGIN [A-Z0-9 ]+-----\r?\n)([\s\S]*?)(\r?\n-----END [A-Z0-9 ]+-----[\s\S]*)$/.exec(text);
  if (!match) return mutate(pem, mutations);
  const [, begin = "", body = "", end = ""] = match;
  const der = mutate(new Uint8Array(Buffer.from(body.replace(/\s+/g, ""), "base64")), mutations);
  const wrapped = Buffer.from(der).toString("base64").replace(/(.{64})(?=.)/g, "$1\n");
  return new Uint8Array(Buffer.from(`${begin}${wrapped}${end}`, "latin1"));
}

/**
 * What a property may see thrown: the project's coded error, or nothing. Anything else (a TypeError from
 * reading past the end, a RangeError from recursion) is the bug the fuzzer is looking for.
 */
export const UNCODED_FAILURE = /TypeError|RangeError|Cannot read|is not a function|is not iterable|undefined|Maximum call stack|\[object Object\]/;
