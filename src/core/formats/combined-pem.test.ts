import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "./pem";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { encodeCertificateWithKeyPem } from "./combined-pem";
import { importCredentialMaterial } from "./import-material";

describe("server-with-key.pem (key then certificate, as the az CLI writes it)", () => {
  let openssl: OpenSslWorkspace;
  let keyDer: Uint8Array;
  let certDer: Uint8Array;

  beforeAll(() => {
    openssl = createOpenSslWorkspace();
    openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-subj", "/CN=combined", "-days", "30"]);
    keyDer = decodePemBlocks(openssl.run(["pkey", "-in", "key.pem"]))[0]?.der ?? new Uint8Array();
    certDer = decodePemBlocks(openssl.run(["x509", "-in", "cert.pem"]))[0]?.der ?? new Uint8Array();
  });
  afterAll(() => openssl.dispose());

  it("puts the PKCS#8 key first and the certificate second, and OpenSSL reads both from the one file", () => {
    const pem = encodeCertificateWithKeyPem(keyDer, certDer);
    expect(decodePemBlocks(pem).map((block) => block.label)).toEqual(["PRIVATE KEY", "CERTIFICATE"]);
    openssl.write("server-with-key.pem", pem);
    expect(openssl.run(["pkey", "-in", "server-with-key.pem", "-pubout"])).toBe(openssl.run(["pkey", "-in", "key.pem", "-pubout"]));
    expect(parseOpenSslFingerprint(openssl.run(["x509", "-in", "server-with-key.pem", "-noout", "-fingerprint"])))
      .toBe(parseOpenSslFingerprint(openssl.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint"])));
    // `openssl pkcs12 -export` refuses a key that is not the certificate's: the two belong together.
    expect(openssl.tryRun(["pkcs12", "-export", "-in", "server-with-key.pem", "-passout", "pass:x", "-out", "check.pfx"]).status).toBe(0);
  });

  it("round-trips through the importer with the key matching the certificate", async () => {
    const result = await importCredentialMaterial([{ bytes: new TextEncoder().encode(encodeCertificateWithKeyPem(keyDer, certDer)) }]);
    expect(result.ok && result.keyMatchesCertificate).toBe(true);
  });
});
