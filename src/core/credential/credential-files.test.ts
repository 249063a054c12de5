import { describe, expect, it } from "vitest";
import { CREDENTIAL_FILES } from "./credential-files";
import { credentialFiles } from "./credential";
import { generateCredential } from "./generate-credential";
import { createOpenSslWorkspace } from "../../../test-support/openssl";

describe("CREDENTIAL_FILES: one list of what the page saves", () => {
  it("names each file once", () => {
    const names = Object.values(CREDENTIAL_FILES).map((kind) => kind.fileName);
    expect(new Set(names).size).toBe(names.length);
  });
  it("credentialFiles fills exactly the listed names, and OpenSSL reads each as what the list says it is", async () => {
    const credential = await generateCredential({ keySize: 2048, subject: { commonName: "files" }, validityDays: 1 });
    const files = credentialFiles(credential);
    const { certificatePem, certificateDer, privateKeyPem, privateKeyPkcs1Pem, keyWithCertificatePem, certificateSigningRequest } = CREDENTIAL_FILES;
    expect(Object.keys(files).sort()).toEqual([certificatePem, certificateDer, privateKeyPem, privateKeyPkcs1Pem, keyWithCertificatePem, certificateSigningRequest].map((kind) => kind.fileName).sort());
    const openssl = createOpenSslWorkspace();
    try {
      for (const [name, contents] of Object.entries(files)) openssl.write(name, contents);
      const subject = openssl.run(["x509", "-in", certificatePem.fileName, "-noout", "-subject"]);
      expect(openssl.run(["x509", "-in", certificateDer.fileName, "-inform", "DER", "-noout", "-subject"])).toBe(subject);
      expect(openssl.run(["req", "-in", certificateSigningRequest.fileName, "-noout", "-subject"])).toMatch(/CN ?= ?files/);
      const publicKey = openssl.run(["x509", "-in", certificatePem.fileName, "-noout", "-pubkey"]);
      for (const kind of [privateKeyPem, privateKeyPkcs1Pem, keyWithCertificatePem]) {
        expect(kind.holdsPrivateKey).toBe(true);
        expect(openssl.run(["pkey", "-in", kind.fileName, "-pubout"])).toBe(publicKey);
      }
    } finally {
      openssl.dispose();
    }
  });
});
