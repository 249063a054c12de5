import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesEqual, bytesToHex, toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { decodePemBlocks, encodePem } from "./pem";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { exportPkcs12, type Pkcs12Profile } from "./pkcs12-export";
import { importPkcs12 } from "./pkcs12-import";

const PASSWORD = "Pfx pässword 1!";

function pemDer(text: string, label: string): Uint8Array {
  const block = decodePemBlocks(text).find((candidate) => candidate.label === label);
  if (!block) throw new Error(`no ${label} block`);
  return block.der;
}

async function sha1Hex(der: Uint8Array): Promise<string> {
  return bytesToHex(toBytes(await crypto.subtle.digest("SHA-1", toArrayBuffer(der)))).toUpperCase();
}

async function caught(promise: Promise<unknown>): Promise<WorkbenchError> {
  const error: unknown = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof WorkbenchError)) throw new Error(`expected a WorkbenchError, got ${String(error)}`);
  return error;
}

describe("PKCS#12 (RFC 7292), judged by OpenSSL", () => {
  let openssl: OpenSslWorkspace;
  let dir: string;
  let pkcs8Der: Uint8Array;
  let certificateDer: Uint8Array;
  let thumbprint: string;
  let publicKeyPem: string;

  const readBinary = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));

  beforeAll(async () => {
    openssl = createOpenSslWorkspace();
    dir = dirname(openssl.write(".probe", ""));
    openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=pfx-test", "-days", "30"]);
    openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem", "-subj", "/CN=some-ca", "-days", "30"]);
    pkcs8Der = pemDer(openssl.run(["pkey", "-in", "key.pem"]), "PRIVATE KEY");
    certificateDer = pemDer(openssl.run(["x509", "-in", "cert.pem"]), "CERTIFICATE");
    thumbprint = await sha1Hex(certificateDer);
    publicKeyPem = openssl.run(["pkey", "-in", "key.pem", "-pubout"]);
  });
  afterAll(() => openssl.dispose());

  const expectations: Record<Pkcs12Profile, { legacyFlag: string[]; info: RegExp[] }> = {
    modern: {
      legacyFlag: [],
      info: [
        /MAC: sha256, Iteration 2048/,
        /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/,
        /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256/,
      ],
    },
    legacy: {
      legacyFlag: ["-legacy"],
      info: [
        /MAC: sha1, Iteration 2048/,
        /PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC, Iteration 2048/,
        /Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048/,
      ],
    },
  };

  describe.each(["modern", "legacy"] as const)("the %s profile", (profile) => {
    let file: string;
    beforeAll(async () => {
      const pfx = await exportPkcs12({ privateKeyPkcs8Der: pkcs8Der, certificateDer, password: PASSWORD, profile, friendlyName: "Credential Workbench" });
      file = `ours-${profile}.pfx`;
      openssl.write(file, pfx);
    });

    it("is read by `openssl pkcs12 -info` with the claimed algorithms, friendly name and localKeyID", () => {
      const result = openssl.tryRun(["pkcs12", ...expectations[profile].legacyFlag, "-info", "-in", file, "-passin", `pass:${PASSWORD}`, "-nodes"]);
      expect(result.status, result.stderr).toBe(0);
      const output = result.stdout + result.stderr;
      for (const pattern of expectations[profile].info) expect(output).toMatch(pattern);
      expect(output).toContain("friendlyName: Credential Workbench");
      const localKeyIds = [...output.matchAll(/localKeyID: ([0-9A-F ]+)/g)].map((match) => (match[1] ?? "").replace(/\s/g, ""));
      expect(localKeyIds).toEqual([thumbprint, thumbprint]);
    });

    it("holds the same certificate (SHA-1 fingerprint) and the same key", () => {
      const certs = openssl.run(["pkcs12", ...expectations[profile].legacyFlag, "-in", file, "-passin", `pass:${PASSWORD}`, "-nokeys"]);
      expect(parseOpenSslFingerprint(openssl.run(["x509", "-noout", "-fingerprint", "-sha1"], certs))).toBe(thumbprint);
      const key = openssl.run(["pkcs12", ...expectations[profile].legacyFlag, "-in", file, "-passin", `pass:${PASSWORD}`, "-nocerts", "-nodes"]);
      expect(openssl.run(["pkey", "-pubout"], key)).toBe(publicKeyPem);
    });

    it("is refused by OpenSSL with a wrong password (the MAC is real)", () => {
      expect(openssl.tryRun(["pkcs12", ...expectations[profile].legacyFlag, "-in", file, "-passin", "pass:wrong", "-noout"]).status).not.toBe(0);
    });

    it("imports back with the same key, certificate and friendly name; a wrong password is ERR_WRONG_PASSWORD", async () => {
      const contents = await importPkcs12(readBinary(file), PASSWORD);
      expect(contents.privateKeyPkcs8Der && bytesEqual(contents.privateKeyPkcs8Der, pkcs8Der)).toBe(true);
      expect(contents.certificates.length).toBe(1);
      expect(await sha1Hex(contents.certificates[0] ?? new Uint8Array())).toBe(thumbprint);
      expect(contents.friendlyName).toBe("Credential Workbench");
      expect((await caught(importPkcs12(readBinary(file), "wrong"))).code).toBe("ERR_WRONG_PASSWORD");
    });
  });

  const opensslMade: [string, string[], string][] = [
    ["openssl pkcs12 -export (OpenSSL 3 default)", [], PASSWORD],
    ["openssl pkcs12 -export -legacy", ["-legacy"], PASSWORD],
    ["openssl pkcs12 -export -nomac", ["-nomac"], PASSWORD],
    ["openssl pkcs12 -export -keypbe NONE -certpbe NONE (unencrypted bags)", ["-keypbe", "NONE", "-certpbe", "NONE"], PASSWORD],
    ["openssl pkcs12 -export -descert (3DES certificates)", ["-descert"], PASSWORD],
    ["openssl pkcs12 -export -macalg sha512 -iter 10000", ["-macalg", "sha512", "-iter", "10000"], PASSWORD],
    ["openssl pkcs12 -export with the CA certificate (chain)", ["-certfile", "ca.pem"], PASSWORD],
    ["openssl pkcs12 -export with an empty password", [], ""],
    ["openssl pkcs12 -export -legacy with an empty password", ["-legacy"], ""],
  ];

  it.each(opensslMade)("imports `%s` with the right thumbprint and key", async (_name, args, password) => {
    const file = `openssl-${String(Math.random()).slice(2)}.pfx`;
    openssl.run(["pkcs12", "-export", ...args, "-in", "cert.pem", "-inkey", "key.pem", "-name", "from openssl", "-passout", `pass:${password}`, "-out", file]);
    const contents = await importPkcs12(readBinary(file), password);
    expect(await sha1Hex(contents.certificates[0] ?? new Uint8Array())).toBe(thumbprint);
    openssl.write(`${file}.key.pem`, encodePem("PRIVATE KEY", contents.privateKeyPkcs8Der ?? new Uint8Array()));
    expect(openssl.run(["pkey", "-in", `${file}.key.pem`, "-pubout"])).toBe(publicKeyPem);
    expect(contents.friendlyName).toBe("from openssl");
    if (args.includes("ca.pem")) expect(contents.certificates.length).toBe(2);
    if (args.includes("-nomac")) expect(contents.unauthenticated).toBe(true);
    if (!args.includes("NONE")) expect((await caught(importPkcs12(readBinary(file), `${password}x`))).code).toBe("ERR_WRONG_PASSWORD");
  });

  it.each(["modern", "legacy"] as const)("writes a %s PFX with an empty password that OpenSSL opens", async (profile) => {
    const pfx = await exportPkcs12({ privateKeyPkcs8Der: pkcs8Der, certificateDer, password: "", profile });
    openssl.write(`empty-${profile}.pfx`, pfx);
    const legacy = profile === "legacy" ? ["-legacy"] : [];
    const certs = openssl.run(["pkcs12", ...legacy, "-in", `empty-${profile}.pfx`, "-passin", "pass:", "-nokeys"]);
    expect(parseOpenSslFingerprint(openssl.run(["x509", "-noout", "-fingerprint", "-sha1"], certs))).toBe(thumbprint);
    expect((await importPkcs12(pfx, "")).certificates.length).toBe(1);
  });

  it("reports a truncated PFX as damaged, not as a wrong password", async () => {
    const pfx = await exportPkcs12({ privateKeyPkcs8Der: pkcs8Der, certificateDer, password: PASSWORD, profile: "modern", iterations: 1 });
    const error = await caught(importPkcs12(pfx.subarray(0, pfx.length - 100), PASSWORD));
    expect(error.code).toBe("ERR_UNSUPPORTED_FORMAT");
  });
});
