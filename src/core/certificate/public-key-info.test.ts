import { createHash, createPublicKey, X509Certificate as NodeX509Certificate } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateRsaKeyPair } from "../keys/rsa-keys";
import { createOpenSslWorkspace } from "../../../test-support/openssl";
import { createSelfSignedCertificate, signSelfSignedCertificate } from "./create";
import { freshKeyHandles } from "../../../test-support/fresh-key-handles";
import { publicKeyInfoReadAhead, readPublicKeyInfo } from "./public-key-info";

describe("readPublicKeyInfo: a key's public half read ahead, before the click that certifies it", () => {
  it("gives the key's SubjectPublicKeyInfo and SHA-1 of its RSAPublicKey, as Node computes them", async () => {
    const keys = await generateRsaKeyPair(2048);
    const info = await readPublicKeyInfo(keys.publicKey);
    const nodeKey = createPublicKey({ key: Buffer.from(await crypto.subtle.exportKey("spki", keys.publicKey)), format: "der", type: "spki" });
    expect(Buffer.from(info.spkiDer).equals(nodeKey.export({ type: "spki", format: "der" }))).toBe(true);
    expect(info.keyIdentifierHex).toBe(createHash("sha1").update(nodeKey.export({ type: "pkcs1", format: "der" })).digest("hex"));
  });

  it("makes the same certificate as reading the key at signing time: OpenSSL verifies it, SKI and AKI name the key", async () => {
    const keys = await generateRsaKeyPair(2048);
    const info = await readPublicKeyInfo(keys.publicKey);
    expect(publicKeyInfoReadAhead(keys.publicKey)).toBe(info);
    const certificate = await createSelfSignedCertificate({ keys, subject: { commonName: "ahead" }, validityDays: 2 });
    const openssl = createOpenSslWorkspace();
    try {
      openssl.write("c.pem", new NodeX509Certificate(Buffer.from(certificate.rawData)).toString());
      expect(openssl.run(["verify", "-CAfile", "c.pem", "c.pem"])).toContain("c.pem: OK");
      const keyId = info.keyIdentifierHex.toUpperCase().replace(/(..)(?!$)/g, "$1:");
      const text = openssl.run(["x509", "-in", "c.pem", "-noout", "-ext", "subjectKeyIdentifier,authorityKeyIdentifier"]);
      expect(text.split(keyId).length - 1).toBe(2);
      const spkiFromCert = new NodeX509Certificate(Buffer.from(certificate.rawData)).publicKey.export({ type: "spki", format: "der" });
      expect(spkiFromCert.equals(Buffer.from(await crypto.subtle.exportKey("spki", keys.publicKey)))).toBe(true);
    } finally {
      openssl.dispose();
    }
  });

  it("is found by the key object it was read from, never by another key's", async () => {
    const [first, second] = await Promise.all([generateRsaKeyPair(2048), generateRsaKeyPair(2048)]);
    const firstInfo = await readPublicKeyInfo(first.publicKey);
    expect(await readPublicKeyInfo(first.publicKey)).toBe(firstInfo);
    expect(publicKeyInfoReadAhead(second.publicKey)).toBeUndefined();
    // The same key's value under new objects has not been read: nothing is matched by value.
    expect(publicKeyInfoReadAhead((await freshKeyHandles(first)).publicKey)).toBeUndefined();
    // A certificate signed with the second pair right after the first was read carries the second's key,
    // and Node verifies its signature with that key.
    const certificate = await createSelfSignedCertificate({ keys: second, subject: { commonName: "second" }, validityDays: 2 });
    const node = new NodeX509Certificate(Buffer.from(certificate.rawData));
    const secondSpki = Buffer.from(await crypto.subtle.exportKey("spki", second.publicKey));
    expect(node.publicKey.export({ type: "spki", format: "der" }).equals(secondSpki)).toBe(true);
    expect(node.verify(createPublicKey({ key: secondSpki, format: "der", type: "spki" }))).toBe(true);
  });

  describe("signing a key read ahead", () => {
    afterEach(() => vi.restoreAllMocks());

    it("uses what was read, exporting nothing and signing in the same turn; a key not read ahead is exported once", async () => {
      const keys = await generateRsaKeyPair(2048);
      const fresh = await freshKeyHandles(keys);
      const info = await readPublicKeyInfo(keys.publicKey);
      const exportKey = vi.spyOn(crypto.subtle, "exportKey");
      const sign = vi.spyOn(crypto.subtle, "sign");
      const signing = signSelfSignedCertificate({ keys, subject: { commonName: "ahead" }, validityDays: 2 });
      // Before any await: with the public half known, the signature was asked for synchronously.
      expect(sign).toHaveBeenCalledTimes(1);
      const certificate = await signing;
      expect(exportKey).not.toHaveBeenCalled();
      expect(certificate.publicKeyInfo).toBe(info);

      await signSelfSignedCertificate({ keys: fresh, subject: { commonName: "fresh" }, validityDays: 2 });
      expect(exportKey.mock.calls.map(([format, key]) => [format, key === fresh.publicKey])).toEqual([["spki", true]]);
    });
  });
});
