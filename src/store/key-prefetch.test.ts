import { X509Certificate } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keyPrefetcher } from "./key-prefetch";
import { initialGenerateForm } from "./generate-slice";
import { useWorkbenchStore } from "./workbench-store";

async function waitUntilReady(size: 2048 | 3072 | 4096): Promise<void> {
  await vi.waitFor(() => expect(keyPrefetcher.isReady(size)).toBe(true), { timeout: 30_000, interval: 20 });
}

beforeEach(() => {
  keyPrefetcher.drop();
  useWorkbenchStore.setState({ credential: undefined, files: undefined, generateForm: initialGenerateForm, generation: { running: false }, keySaved: false });
});
afterEach(() => vi.restoreAllMocks());

describe("Generate with a key made in advance (issue 13)", () => {
  it("uses the prepared key instead of making one after the click, and uses it once", async () => {
    const generateKey = vi.spyOn(crypto.subtle, "generateKey");
    keyPrefetcher.prepare(2048);
    await waitUntilReady(2048);
    expect(generateKey).toHaveBeenCalledTimes(1);

    await useWorkbenchStore.getState().generate();
    const { credential, files } = useWorkbenchStore.getState();
    expect(generateKey).toHaveBeenCalledTimes(1);
    expect(keyPrefetcher.isReady(2048)).toBe(false);
    expect(files?.["server.csr"]).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    if (!credential?.privateKey) throw new Error("no credential");
    // Node reads the certificate: its public key is the one WebCrypto holds for the prepared pair.
    const modulusOfKey = Buffer.from(await crypto.subtle.exportKey("jwk", credential.privateKey).then((jwk) => jwk.n ?? ""));
    const modulusInCertificate = Buffer.from((new X509Certificate(credential.certificateDer).publicKey.export({ format: "jwk" }) as { n: string }).n);
    expect(modulusOfKey.equals(modulusInCertificate)).toBe(true);

    // The next click has no prepared key: it makes a new one (the old one is never handed out again).
    await useWorkbenchStore.getState().generate();
    expect(generateKey).toHaveBeenCalledTimes(2);
    expect(useWorkbenchStore.getState().credential?.certificateDetails.thumbprints.sha1Hex).not.toBe(credential.certificateDetails.thumbprints.sha1Hex);
  });

  it("a prepared key of another size is not used", async () => {
    keyPrefetcher.prepare(3072);
    await waitUntilReady(3072);
    await useWorkbenchStore.getState().generate();
    expect(useWorkbenchStore.getState().credential?.certificateDetails.rsaKeyBits).toBe(2048);
  });

  it("Remove key and certificate drops the prepared key", async () => {
    keyPrefetcher.prepare(2048);
    await waitUntilReady(2048);
    useWorkbenchStore.getState().forgetCredential();
    expect(keyPrefetcher.isReady(2048)).toBe(false);
  });
});
