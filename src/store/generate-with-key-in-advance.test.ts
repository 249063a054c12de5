import { X509Certificate } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkbenchStore, type WorkbenchStore } from "./create-workbench-store";
import { headlessServices } from "./headless-services";
import { createKeyPool, type KeyPool } from "./key-pool-scheduler";

async function waitUntilReady(size: 2048 | 3072 | 4096): Promise<void> {
  await vi.waitFor(() => expect(keyPool.isReady(size)).toBe(true), { timeout: 30_000, interval: 20 });
}

let keyPool: KeyPool;
let store: WorkbenchStore;
beforeEach(() => {
  keyPool = createKeyPool();
  store = createWorkbenchStore(headlessServices(), { keyPool: keyPool });
});
afterEach(() => vi.restoreAllMocks());

describe("Generate with a key made in advance", () => {
  it("uses the prepared key instead of making one after the click, and uses it once", async () => {
    const generateKey = vi.spyOn(crypto.subtle, "generateKey");
    keyPool.prepare(2048);
    await waitUntilReady(2048);
    expect(generateKey).toHaveBeenCalledTimes(1);

    await store.getState().generate();
    const { credential, files } = store.getState();
    expect(generateKey).toHaveBeenCalledTimes(1);
    expect(keyPool.isReady(2048)).toBe(false);
    expect(files?.["server.csr"]).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    if (!credential?.key) throw new Error("no credential");
    // Node reads the certificate: its public key is the one WebCrypto holds for the prepared pair.
    const modulusOfKey = Buffer.from(await crypto.subtle.exportKey("jwk", credential.key.privateKey).then((jwk) => jwk.n ?? ""));
    const modulusInCertificate = Buffer.from((new X509Certificate(credential.certificateDer).publicKey.export({ format: "jwk" }) as { n: string }).n);
    expect(modulusOfKey.equals(modulusInCertificate)).toBe(true);

    // The next click has no prepared key: it makes a new one (the old one is never handed out again).
    await store.getState().generate();
    expect(generateKey).toHaveBeenCalledTimes(2);
    expect(store.getState().credential?.certificateDetails.thumbprints.sha1Hex).not.toBe(credential.certificateDetails.thumbprints.sha1Hex);
  });

  it("a prepared key of another size is not used", async () => {
    keyPool.prepare(3072);
    await waitUntilReady(3072);
    await store.getState().generate();
    expect(store.getState().credential?.certificateDetails.rsaKeyBits).toBe(2048);
  });

  it("Remove key and certificate drops the prepared key", async () => {
    keyPool.prepare(2048);
    await waitUntilReady(2048);
    store.getState().forgetCredential();
    expect(keyPool.isReady(2048)).toBe(false);
  });
});
