import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { certifyExistingKey } from "./certify-key";
import { credentialFiles } from "./credential";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace } from "../../../test-support/openssl";

describe("certifyExistingKey (a certificate for a key made by `openssl genrsa`)", () => {
  it("signs a certificate and CSR that OpenSSL ties to that very key", async () => {
    const openssl = createOpenSslWorkspace();
    try {
      openssl.run(["genrsa", "-out", "server.pem", "2048"]);
      const [block] = decodePemBlocks(readFileSync(openssl.path("server.pem"), "utf8"));
      const credential = await certifyExistingKey({ privateKeyPkcs8Der: block?.der ?? new Uint8Array(), subject: { commonName: "from-genrsa" }, validityDays: 30 });
      const files = credentialFiles(credential);
      openssl.write("server.crt", files["server.crt"]);
      openssl.write("server.csr", files["server.csr"] ?? "");
      expect(openssl.run(["x509", "-in", "server.crt", "-noout", "-pubkey"])).toBe(openssl.run(["pkey", "-in", "server.pem", "-pubout"]));
      expect(openssl.run(["verify", "-CAfile", "server.crt", "-partial_chain", "server.crt"]).trim()).toBe("server.crt: OK");
      expect(openssl.tryRun(["req", "-in", "server.csr", "-verify", "-noout"]).status).toBe(0);
      expect(openssl.run(["x509", "-in", "server.crt", "-noout", "-subject"]).trim()).toBe("subject=CN = from-genrsa");
    } finally {
      openssl.dispose();
    }
  });

  it("refuses a 1024-bit key with the AADSTS code", async () => {
    const openssl = createOpenSslWorkspace();
    try {
      openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "small.pem"]);
      const [block] = decodePemBlocks(readFileSync(openssl.path("small.pem"), "utf8"));
      await expect(certifyExistingKey({ privateKeyPkcs8Der: block?.der ?? new Uint8Array(), subject: { commonName: "x" }, validityDays: 1 })).rejects.toThrow(/AADSTS50032/);
    } finally {
      openssl.dispose();
    }
  });
});
