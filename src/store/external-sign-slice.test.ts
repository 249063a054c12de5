import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { credentialFromImport } from "@/core/formats/credential-from-import";
import { importCredentialMaterial } from "@/core/formats/import-material";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../test-support/openssl";
import { createWorkbenchStore, type WorkbenchStore } from "./create-workbench-store";
import { headlessServices } from "./headless-services";
import { initialAppSettings } from "./settings-slice";

const tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const clientId = "0d1f4c3e-5b6a-4f7e-8d9c-a1b2c3d4e5f6";

let openssl: OpenSslWorkspace;
const posted: unknown[] = [];

/** The page with only server.crt imported, the settings filled in, and the proxy there. */
async function pageWithCertificateOnly(): Promise<WorkbenchStore> {
  const store = createWorkbenchStore(headlessServices());
  const imported = await importCredentialMaterial([{ name: "server.crt", bytes: new Uint8Array(readFileSync(openssl.path("server.crt"))) }]);
  if (!imported.ok) throw new Error(imported.message);
  const credential = await credentialFromImport(imported);
  const { credentialFiles } = await import("@/core/credential/credential");
  store.getState().replaceCredential(credential, { keySaved: true, cause: "imported", files: credentialFiles(credential) });
  store.setState({ settings: { ...initialAppSettings, tenant, clientId }, proxy: { status: "available", extraAuthorities: [] } });
  return store;
}

function vaultSign(digestBase64: string, key: string): string {
  openssl.write("digest.bin", Buffer.from(digestBase64, "base64"));
  openssl.run(["pkeyutl", "-sign", "-inkey", key, "-in", "digest.bin", "-out", "signature.bin", "-pkeyopt", "digest:sha256"]);
  return readFileSync(openssl.path("signature.bin")).toString("base64");
}

beforeAll(() => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "vault.pem", "-out", "server.crt", "-subj", "/CN=vault", "-days", "2"]);
  openssl.run(["genpkey", "-algorithm", "RSA", "-out", "other.pem"]);
  // Every token request the page makes goes through fetch: record them, answer as the proxy would.
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => {
    posted.push({ url, body: init?.body });
    return Promise.resolve(new Response(JSON.stringify({ status: 200, body: { access_token: "x" }, durationMs: 1 }), { status: 200 }));
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  openssl.dispose();
});

describe("Sign elsewhere in the store", () => {
  it("an invalid signature is never sent; a valid one becomes the page's assertion and is what is sent", async () => {
    const store = await pageWithCertificateOnly();
    await store.getState().startExternalSigning();
    const request = store.getState().externalSign.request;
    if (!request) throw new Error(store.getState().externalSign.error);

    posted.length = 0;
    await store.getState().setExternalSignature(vaultSign(request.digestBase64, "other.pem"));
    expect(store.getState().externalSign.verdict).toMatchObject({ valid: false, reason: "another-key" });
    await store.getState().sendTokenRequest();
    expect(posted).toEqual([]);
    expect(store.getState().tokenRequest.error).toMatch(/Nothing to send yet.*Sign the digest where the key lives/);
    expect(store.getState().assertion).toBeUndefined();

    await store.getState().setExternalSignature(vaultSign(request.digestBase64, "vault.pem"));
    const verdict = store.getState().externalSign.verdict;
    expect(verdict).toMatchObject({ valid: true });
    expect(store.getState().assertion?.jwt).toBe(verdict?.valid ? verdict.jwt : "");
    expect(store.getState().assertionInspection?.ok).toBe(true);
    await store.getState().sendTokenRequest();
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).toContain(store.getState().assertion?.jwt ?? "missing");
  });

  it("Start again: a new digest, and the earlier signature is named as for the earlier one and dropped from the page", async () => {
    const store = await pageWithCertificateOnly();
    await store.getState().startExternalSigning();
    const first = store.getState().externalSign.request;
    if (!first) throw new Error("no request");
    await store.getState().setExternalSignature(vaultSign(first.digestBase64, "vault.pem"));
    expect(store.getState().assertion).toBeDefined();
    await store.getState().startExternalSigning();
    expect(store.getState().externalSign.request?.digestBase64).not.toBe(first.digestBase64);
    expect(store.getState().externalSign.verdict).toMatchObject({ valid: false, reason: "changed" });
    expect(store.getState().assertion).toBeUndefined();
  });

  it("an expired assertion is not sent: Start again is asked for", async () => {
    const store = await pageWithCertificateOnly();
    store.setState({ settings: { ...store.getState().settings, lifetimeSeconds: "1" } });
    await store.getState().startExternalSigning();
    const request = store.getState().externalSign.request;
    if (!request) throw new Error("no request");
    await store.getState().setExternalSignature(vaultSign(request.digestBase64, "vault.pem"));
    expect(store.getState().externalSign.verdict?.valid).toBe(true);
    vi.useFakeTimers({ now: (request.payload.exp + 1) * 1000, toFake: ["Date"] });
    try {
      posted.length = 0;
      await store.getState().sendTokenRequest();
      expect(posted).toEqual([]);
      expect(store.getState().tokenRequest.error).toMatch(/expired.*Start again/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a new credential drops the digest and the signature", async () => {
    const store = await pageWithCertificateOnly();
    await store.getState().startExternalSigning();
    store.getState().forgetCredential();
    expect(store.getState().externalSign).toEqual({ earlier: [], pasted: "" });
  });
});
