import { describe, expect, it } from "vitest";
import { parse as parseQueryString } from "node:querystring";
import { encodeForm } from "@/entra/token-form";
import { credentialBlocker, formForChosenCredential } from "./client-auth-slice";
import { createWorkbenchStore, SETTINGS_STORAGE_KEY } from "./create-workbench-store";
import { initialAppSettings } from "./settings-slice";
import { headlessServices, memoryStorage } from "./headless-services";

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
  it("neither the secret nor the external token reaches the settings storage; the settings do", async () => {
    const storage = memoryStorage();
    const store = createWorkbenchStore(headlessServices({ settingsStorage: () => storage }));
    store.getState().setSetting("clientId", "cid-marker");
    store.getState().setClientSecret("the-secret-value");
    await store.getState().setFederatedToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    store.getState().setAuthMethod("federated");
    const stored = storage.getItem(SETTINGS_STORAGE_KEY) ?? "";
    expect(stored).toContain("cid-marker");
    expect(stored).not.toContain("the-secret-value");
    expect(stored).not.toContain("eyJ");
  });

  it("a new store reads the settings a previous one stored, and nothing else", () => {
    const storage = memoryStorage();
    const first = createWorkbenchStore(headlessServices({ settingsStorage: () => storage }));
    first.getState().setSetting("tenant", "contoso.onmicrosoft.com");
    first.getState().setClientSecret("the-secret-value");
    const second = createWorkbenchStore(headlessServices({ settingsStorage: () => storage }));
    expect(second.getState().settings.tenant).toBe("contoso.onmicrosoft.com");
    expect(second.getState().clientSecret).toBe("");
  });
});
