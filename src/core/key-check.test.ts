import { describe, expect, it } from "vitest";
import { generateCredential } from "./credential";
import { privateKeySignsForCertificate } from "./key-check";

describe("privateKeySignsForCertificate", () => {
  it("accepts the certificate's own key and refuses another key", async () => {
    const a = await generateCredential({ keySize: 2048, subject: { commonName: "a" }, validityDays: 1 });
    const b = await generateCredential({ keySize: 2048, subject: { commonName: "b" }, validityDays: 1 });
    if (!a.privateKey || !b.privateKey) throw new Error("no keys");
    expect(await privateKeySignsForCertificate(a.privateKey, a.certificateDer)).toBe(true);
    expect(await privateKeySignsForCertificate(b.privateKey, a.certificateDer)).toBe(false);
  });
});
