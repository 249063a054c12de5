import { describe, expect, it, vi } from "vitest";
import { parse as parseQueryString } from "node:querystring";
import { encodeForm } from "@/entra/token-form";
import { credentialBlocker, formForChosenCredential } from "./client-auth-slice";
import { initialAppSettings } from "./settings-slice";

const settings = { ...initialAppSettings, clientId: "cid" };

describe("the chosen credential", () => {
  it("a secret is sent as client_secret, the federated token as the client assertion; the certificate signs first", () => {
    const secretForm = formForChosenCredential({ authMethod: "secret", clientSecret: " s ", federatedToken: "", settings });
    expect({ ...parseQueryString(encodeForm(secretForm ?? ({} as never))) }).toMatchObject({ client_id: "cid", client_secret: " s " });
    const federatedForm = formForChosenCredential({ authMethod: "federated", clientSecret: "", federatedToken: "Bearer a.b.c\n", settings });
    expect(federatedForm).toMatchObject({ client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: "a.b.c" });
    expect(formForChosenCredential({ authMethod: "certificate", clientSecret: "s", federatedToken: "t", settings })).toBeUndefined();
  });
  it("an empty secret or token blocks Send; a filled one does not", () => {
    expect(credentialBlocker({ authMethod: "secret", clientSecret: "", federatedToken: "" })).toMatch(/Paste the client secret/);
    expect(credentialBlocker({ authMethod: "secret", clientSecret: "x", federatedToken: "" })).toBeUndefined();
    expect(credentialBlocker({ authMethod: "federated", clientSecret: "", federatedToken: " " })).toMatch(/external token/);
    expect(credentialBlocker({ authMethod: "certificate", clientSecret: "", federatedToken: "" })).toBeUndefined();
  });
});

describe("what persists", () => {
  it("neither the secret nor the external token reaches localStorage; the settings do", async () => {
    // An in-memory localStorage (Node has none here), installed before the store module is loaded.
    const written = new Map<string, string>();
    vi.stubGlobal("localStorage", { getItem: (key: string) => written.get(key) ?? null, setItem: (key: string, value: string) => written.set(key, value), removeItem: (key: string) => written.delete(key) });
    const { useWorkbenchStore } = await import("./workbench-store");
    useWorkbenchStore.getState().setSetting("clientId", "cid-marker");
    useWorkbenchStore.getState().setClientSecret("the-secret-value");
    await useWorkbenchStore.getState().setFederatedToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    useWorkbenchStore.getState().setAuthMethod("federated");
    const stored = [...written.values()].join("\n");
    expect(stored).toContain("cid-marker");
    expect(stored).not.toContain("the-secret-value");
    expect(stored).not.toContain("eyJ");
    vi.unstubAllGlobals();
  });
});
