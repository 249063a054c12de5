import { createPrivateKey, sign, verify, X509Certificate } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { credentialFiles } from "@/core/credential/credential";
import { createOpenSslWorkspace } from "../../test-support/openssl";
import { seededRandom } from "../../test-support/seeded-random";
import { createWorkbenchStore, type WorkbenchStore } from "./create-workbench-store";
import { headlessServices } from "./headless-services";


function corrupt(bytes: Uint8Array, random: () => number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const mode = Math.floor(random() * 3);
  if (mode === 0) return copy.subarray(0, Math.floor(random() * copy.length));
  if (mode === 1) {
    for (let i = 0; i < 1 + Math.floor(random() * 8); i++) {
      const index = Math.floor(random() * copy.length);
      copy[index] = (copy[index] ?? 0) ^ (1 << Math.floor(random() * 8));
    }
    return copy;
  }
  return crypto.getRandomValues(new Uint8Array(1 + Math.floor(random() * 2048)));
}

// Each test has a store of its own: nothing one leaves behind reaches the next.
let store: WorkbenchStore;
beforeEach(() => {
  store = createWorkbenchStore(headlessServices());
});

describe("the Generate form", () => {
  it("stores a country code in capitals however it was typed, and other fields as typed", () => {
    store.getState().setGenerateField("country", "de");
    store.getState().setGenerateField("locality", "zürich");
    expect(store.getState().generateForm).toMatchObject({ country: "DE", locality: "zürich" });
  });
});

describe("the store keeps what the user has when input is bad", () => {
  it("does not generate while a field is invalid, and keeps the credential", async () => {
    await store.getState().generate();
    const first = store.getState().credential;
    expect(first).toBeDefined();
    store.getState().setGenerateField("validityDays", "0");
    await store.getState().generate();
    expect(store.getState().credential).toBe(first);
  });

  it("a sample of 200 damaged files never changes the credential and always gives a message", async () => {
    await store.getState().generate();
    const { credential } = store.getState();
    if (!credential) throw new Error("no credential generated");
    const files = credentialFiles(credential);
    const originals: Uint8Array[] = [files["server.crt"], files["server.pem"] ?? "", files["server.csr"] ?? ""].map((text) => new TextEncoder().encode(text));
    originals.push(credential.certificateDer);
    const random = seededRandom(20261125);
    let messages = 0;
    for (let i = 0; i < 200; i++) {
      const original = originals[i % originals.length] ?? new Uint8Array();
      await store.getState().importMaterial([{ name: `damaged-${String(i)}`, bytes: new Uint8Array(corrupt(original, random)) }], "");
      const state = store.getState();
      if (state.credential !== credential) {
        // Damage that left a readable certificate or key may load it (a certificate with the same
        // public key replaces the self-signed one, as a CA-signed one would). Whatever is on the
        // page must still be a working pair, judged by Node's crypto: the key signs, the certificate verifies.
        const loaded = state.credential;
        if (!loaded?.key) throw new Error("the key was lost");
        const key = createPrivateKey({ key: Buffer.from(loaded.key.pkcs8Der), format: "der", type: "pkcs8" });
        const signature = sign("sha256", Buffer.from("challenge"), key);
        expect(verify("sha256", Buffer.from("challenge"), new X509Certificate(Buffer.from(loaded.certificateDer)).publicKey, signature)).toBe(true);
        store.setState({ credential, files });
      } else {
        expect(state.importError).toMatch(/\w+/);
        messages++;
      }
    }
    expect(messages).toBeGreaterThan(150);
  });

  it("a key alone that belongs to the page's certificate is attached to it", async () => {
    await store.getState().generate();
    const { credential } = store.getState();
    const pem = credential ? (credentialFiles(credential)["server.pem"] ?? "") : "";
    store.setState({ credential: credential ? { ...credential, key: undefined } : undefined });
    await store.getState().importMaterial([{ name: "server.pem", bytes: new TextEncoder().encode(pem) }], "");
    expect(store.getState().importError).toBeUndefined();
    expect(store.getState().credential?.key?.pkcs8Der).toBeDefined();
  });
});

describe("the last action wins; slower earlier results are dropped", () => {
  it("an import made while a 4096-bit key is generating stays on the page", async () => {
    await store.getState().generate();
    const { credential } = store.getState();
    if (!credential) throw new Error("no credential");
    const imported = credentialFiles(credential);
    store.getState().setGenerateField("keySize", 4096);
    const generating = store.getState().generate();
    await store.getState().importMaterial([{ name: "both.pem", bytes: new TextEncoder().encode(`${imported["server.pem"] ?? ""}${imported["server.crt"]}`) }], "");
    await generating;
    const state = store.getState();
    expect(state.credential?.certificateDetails.thumbprints.sha1Hex).toBe(credential.certificateDetails.thumbprints.sha1Hex);
    expect(state.credential?.certificateDetails.rsaKeyBits).toBe(2048);
    expect(state.generation.error).toMatch(/discarded/);
  });

  it("the assertion on screen matches the settings after a quick change of form and tenant", async () => {
    await store.getState().generate();
    const { setSetting, signAssertion } = store.getState();
    setSetting("clientId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    setSetting("tenant", "11111111-2222-3333-4444-555555555555");
    setSetting("form", "PS256-x5t#S256");
    const first = signAssertion();
    setSetting("form", "RS256-x5t");
    setSetting("tenant", "contoso.onmicrosoft.com");
    const second = signAssertion();
    await Promise.all([first, second]);
    const { assertion } = store.getState();
    expect(assertion?.header.alg).toBe("RS256");
    expect(assertion?.payload.aud).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
  });
});

describe("protected exports", () => {
  it("name the PFX after the CN as it is, commas included (friendlyName read by OpenSSL)", async () => {
    store.getState().setGenerateField("commonName", "Contoso, Ltd");
    await store.getState().generate();
    const file = await store.getState().buildProtectedExport("pfx", "pw", "modern");
    const openssl = createOpenSslWorkspace();
    try {
      openssl.write("server.pfx", file?.contents ?? new Uint8Array());
      const info = openssl.tryRun(["pkcs12", "-in", "server.pfx", "-info", "-nokeys", "-passin", "pass:pw"]);
      expect(info.stdout).toContain("friendlyName: Contoso, Ltd");
    } finally {
      openssl.dispose();
    }
  });

  it("refuse an empty password with a message and build nothing", async () => {
    await store.getState().generate();
    expect(await store.getState().buildProtectedExport("encrypted-key", "", "modern")).toBeUndefined();
    expect(store.getState().exportError).toMatch(/Type a password/);
  });
});

describe("the unsaved-key guard and removal", () => {
  it("a generated key is unsaved until its own file is saved; saving an older key does not count", async () => {
    await store.getState().generate();
    const first = store.getState().credential?.key?.pkcs8Der;
    expect(store.getState().keySaved).toBe(false);
    await store.getState().generate();
    store.getState().markKeySaved(first);
    expect(store.getState().keySaved).toBe(false);
    store.getState().markKeySaved(store.getState().credential?.key?.pkcs8Der);
    expect(store.getState().keySaved).toBe(true);
    await store.getState().generate();
    expect(store.getState().keySaved).toBe(false);
  });

  it("Remove drops the key, a pending imported key and the token response", async () => {
    await store.getState().generate();
    const other = await (await import("@/core/credential/generate-credential")).generateCredential({ keySize: 2048, subject: { commonName: "lone key" }, validityDays: 1 });
    const lonePem = credentialFiles(other)["server.pem"] ?? "";
    await store.getState().importMaterial([{ name: "server.pem", bytes: new TextEncoder().encode(lonePem) }], "");
    expect(store.getState().pendingKeyPkcs8Der).toBeDefined();
    store.setState({ tokenRequest: { running: false, response: { status: 200, body: { access_token: "x" }, durationMs: 1 } } });
    store.getState().forgetCredential();
    const state = store.getState();
    expect(state.credential).toBeUndefined();
    expect(state.pendingKeyPkcs8Der).toBeUndefined();
    expect(state.tokenRequest.response).toBeUndefined();
    await state.certifyPendingKey();
    expect(store.getState().credential).toBeUndefined();
  });

  it("generating after a lone key was imported drops the pending key, so it cannot replace the new one", async () => {
    const other = await (await import("@/core/credential/generate-credential")).generateCredential({ keySize: 2048, subject: { commonName: "lone key" }, validityDays: 1 });
    await store.getState().importMaterial([{ name: "server.pem", bytes: new TextEncoder().encode(credentialFiles(other)["server.pem"] ?? "") }], "");
    expect(store.getState().pendingKeyPkcs8Der).toBeDefined();
    await store.getState().generate();
    const generated = store.getState().credential;
    expect(store.getState().pendingKeyPkcs8Der).toBeUndefined();
    await store.getState().certifyPendingKey();
    expect(store.getState().credential).toBe(generated);
  });

  it("a lone key gets a certificate made with the Generate panel's subject, and counts as saved", async () => {
    const other = await (await import("@/core/credential/generate-credential")).generateCredential({ keySize: 2048, subject: { commonName: "lone key" }, validityDays: 1 });
    store.getState().setGenerateField("commonName", "made for the key");
    await store.getState().importMaterial([{ name: "server.pem", bytes: new TextEncoder().encode(credentialFiles(other)["server.pem"] ?? "") }], "");
    await store.getState().certifyPendingKey();
    const state = store.getState();
    expect(state.credential?.certificateDetails.commonName).toBe("made for the key");
    expect(state.credential?.key?.pkcs8Der).toEqual(other.key?.pkcs8Der);
    expect(state.keySaved).toBe(true);
  });
});
