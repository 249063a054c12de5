import { X509Certificate } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { generateRsaKeyPair } from "../keys/rsa-keys";
import { generateCredential, type GenerationStage } from "./generate-credential";

const options = { subject: { commonName: "steps" }, validityDays: 1 };

describe("generateCredential: one orchestration, followed step by step", () => {
  it("shows the certificate first, waits until it is on screen, then makes the CSR", async () => {
    const keys = await generateRsaKeyPair(2048);
    const events: string[] = [];
    let markShown: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (markShown = resolve));
    const generating = generateCredential(
      { keys, ...options },
      {
        onStage: (stage: GenerationStage) => events.push(`stage ${stage}`),
        certified: (credential, files) => {
          events.push(`certified ${Object.keys(files).sort().join(",")} csr:${String(credential.csrDer !== undefined)}`);
          return true;
        },
        shown: () => {
          events.push("waiting for the paint");
          return shown;
        },
        signingRequestMade: (credential, files) => events.push(`csr ${String(credential.csrDer !== undefined)} ${String(files["server.csr"]?.startsWith("-----BEGIN CERTIFICATE REQUEST-----"))}`),
      },
    );
    // Nothing of the CSR happens before the page says the thumbprint is painted.
    await vi.waitFor(() => expect(events).toContain("waiting for the paint"), { timeout: 30_000, interval: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(["stage certificate", "stage thumbprints", "certified server.cer,server.crt,server.pem csr:false", "waiting for the paint"]);
    markShown();
    const credential = await generating;
    expect(events.slice(4)).toEqual(["stage csr", "csr true true"]);
    // The key given is the key certified (Node reads the certificate's public key).
    const publicJwk = await crypto.subtle.exportKey("jwk", keys.publicKey);
    const certificateJwk = new X509Certificate(credential.certificateDer).publicKey.export({ format: "jwk" });
    expect(certificateJwk.n).toBe(publicJwk.n);
    expect(credential.key?.privateKey).toBe(keys.privateKey);
  });

  it("stops without a CSR when the caller has moved on", async () => {
    let signingRequestMade = false;
    const credential = await generateCredential(
      { keySize: 2048, ...options },
      { certified: () => false, signingRequestMade: () => (signingRequestMade = true) },
    );
    expect(credential.csrDer).toBeUndefined();
    expect(signingRequestMade).toBe(false);
  });

  it("makes the key itself when given a size, and its PKCS#8 is the key's (Node reads both)", async () => {
    const stages: GenerationStage[] = [];
    const credential = await generateCredential({ keySize: 2048, ...options }, { onStage: (stage) => stages.push(stage) });
    expect(stages).toEqual(["key", "certificate", "thumbprints", "csr"]);
    expect(credential.csrDer).toBeDefined();
    const { createPrivateKey, createPublicKey } = await import("node:crypto");
    const fromPkcs8 = createPublicKey(createPrivateKey({ key: Buffer.from(credential.key?.pkcs8Der ?? new Uint8Array()), format: "der", type: "pkcs8" }));
    expect(fromPkcs8.equals(new X509Certificate(credential.certificateDer).publicKey)).toBe(true);
  });
});
