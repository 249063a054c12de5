import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCredential } from "../credential/generate-credential";
import { WorkbenchError } from "../errors";
import { assertKeyMatchesCertificate, KEY_MISMATCH_MESSAGE, keyMatchesCertificate, privateKeySignsForCertificate } from "./key-match";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace } from "../../../test-support/openssl";

function derOf(path: string): Uint8Array {
  return decodePemBlocks(readFileSync(path, "utf8"))[0]?.der ?? new Uint8Array();
}

describe("keyMatchesCertificate: the one key ↔ certificate check", () => {
  it("agrees with OpenSSL for RSA and EC keys, matching and not", async () => {
    const openssl = createOpenSslWorkspace();
    try {
      openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.crt", "-subj", "/CN=rsa", "-days", "1"]);
      openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.key"]);
      openssl.run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ec.key", "-out", "ec.crt", "-subj", "/CN=ec", "-days", "1"]);
      openssl.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "other-ec.key"]);
      const cases: [string, string][] = [["rsa.key", "rsa.crt"], ["other.key", "rsa.crt"], ["ec.key", "ec.crt"], ["other-ec.key", "ec.crt"], ["rsa.key", "ec.crt"], ["ec.key", "rsa.crt"]];
      for (const [key, certificate] of cases) {
        const opensslSays = openssl.run(["pkey", "-in", key, "-pubout"]) === openssl.run(["x509", "-in", certificate, "-noout", "-pubkey"]);
        expect({ key, certificate, matches: await keyMatchesCertificate(derOf(openssl.path(key)), derOf(openssl.path(certificate))) }).toEqual({ key, certificate, matches: opensslSays });
      }
      const error: unknown = await assertKeyMatchesCertificate(derOf(openssl.path("other.key")), derOf(openssl.path("rsa.crt"))).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WorkbenchError);
      expect(error).toMatchObject({ code: "ERR_KEY_MISMATCH", message: KEY_MISMATCH_MESSAGE });
    } finally {
      openssl.dispose();
    }
  });
});

describe("privateKeySignsForCertificate", () => {
  it("accepts the certificate's own key and refuses another key", async () => {
    const a = await generateCredential({ keySize: 2048, subject: { commonName: "a" }, validityDays: 1 });
    const b = await generateCredential({ keySize: 2048, subject: { commonName: "b" }, validityDays: 1 });
    if (!a.key || !b.key) throw new Error("no keys");
    expect(await privateKeySignsForCertificate(a.key.privateKey, a.certificateDer)).toBe(true);
    expect(await privateKeySignsForCertificate(b.key.privateKey, a.certificateDer)).toBe(false);
  });
});
