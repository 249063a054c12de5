import { createPrivateKey, sign } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { credentialFiles } from "@/core/credential/credential";
import type { JwtInspection, JwtInspectionSuccess } from "@/core/jwt/jwt-inspection";
import { createWorkbenchStore, type WorkbenchStore } from "./create-workbench-store";
import { headlessServices } from "./headless-services";

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

/** An RS256 JWT signed by Node's crypto (not the page's signer) with the given PKCS#8 key. */
function signWithNode(pkcs8Der: Uint8Array): string {
  const now = Math.floor(Date.now() / 1000);
  const input = `${base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${base64url(JSON.stringify({ iss: "someone", sub: "someone", iat: now, exp: now + 600 }))}`;
  const key = createPrivateKey({ key: Buffer.from(pkcs8Der), format: "der", type: "pkcs8" });
  return `${input}.${base64url(sign("sha256", Buffer.from(input), key))}`;
}

function signatureStatus(inspection: JwtInspection | undefined): string | undefined {
  return inspection?.ok ? (inspection satisfies JwtInspectionSuccess).signature.status : undefined;
}

/** A credential made in another store, and a token its key signed. */
async function signedElsewhere(): Promise<{ token: string; certificatePem: string }> {
  const other = createWorkbenchStore(headlessServices());
  await other.getState().generate();
  const credential = other.getState().credential;
  if (!credential?.key) throw new Error("no credential generated");
  return { token: signWithNode(credential.key.pkcs8Der), certificatePem: credentialFiles(credential)["server.crt"] };
}

async function pasted(store: WorkbenchStore, token: string): Promise<void> {
  await store.getState().setInspectText(token);
  expect(signatureStatus(store.getState().inspection)).toBe("not-checked");
}

describe("Inspect's verdict follows the page's certificate", () => {
  it("a certificate imported after the token was pasted: the signature is checked with it", async () => {
    const { token, certificatePem } = await signedElsewhere();
    const store = createWorkbenchStore(headlessServices());
    await pasted(store, token);
    await store.getState().importMaterial([{ name: "server.crt", bytes: new TextEncoder().encode(certificatePem) }], "");
    expect(store.getState().credential).toBeDefined();
    await vi.waitFor(() => expect(signatureStatus(store.getState().inspection)).toBe("valid"));
    // Removed again: back to "not checked", not a stale "valid".
    store.getState().forgetCredential();
    await vi.waitFor(() => expect(signatureStatus(store.getState().inspection)).toBe("not-checked"));
  });

  it("a certificate generated after the token was pasted: checked with it (another key, so it fails)", async () => {
    const { token } = await signedElsewhere();
    const store = createWorkbenchStore(headlessServices());
    await pasted(store, token);
    await store.getState().generate();
    await vi.waitFor(() => expect(signatureStatus(store.getState().inspection)).toBe("invalid"));
    expect(store.getState().inspectText).toBe(token);
  });

  it("nothing pasted: a credential change inspects nothing", async () => {
    const store = createWorkbenchStore(headlessServices());
    await store.getState().generate();
    expect(store.getState().inspection).toBeUndefined();
  });
});
