import { describe, expect, it, vi } from "vitest";
import { shallow } from "zustand/shallow";
import { VALID_APP_SETTINGS } from "../../test-support/app-settings-fixture";
import type { ProxyAvailability } from "@/core/token-request/request-blockers";
import { selectAssertionInputs } from "./assertion-slice";
import { createWorkbenchStore } from "./create-workbench-store";
import { selectHasKey } from "./credential-slice";
import { headlessServices } from "./headless-services";
import { selectCanSendTokenRequest, selectTokenRequestBlocker } from "./token-slice";

const available: ProxyAvailability = { status: "available", extraAuthorities: [] };

describe("each store is its own", () => {
  it("removing the key in one store does not discard a generation under way in another", async () => {
    const first = createWorkbenchStore(headlessServices());
    const second = createWorkbenchStore(headlessServices());
    const generating = first.getState().generate();
    second.getState().forgetCredential();
    await generating;
    expect(first.getState().generation.error).toBeUndefined();
    expect(first.getState().credential).toBeDefined();
  });

  it("a signing in one store does not drop the assertion another is signing", async () => {
    const first = createWorkbenchStore(headlessServices());
    const second = createWorkbenchStore(headlessServices());
    await Promise.all([first.getState().generate(), second.getState().generate()]);
    first.setState({ settings: { ...VALID_APP_SETTINGS } });
    second.setState({ settings: { ...VALID_APP_SETTINGS } });
    const signing = first.getState().signAssertion();
    await second.getState().signAssertion();
    expect(await signing).toBeDefined();
    expect(first.getState().assertion).toBeDefined();
  });
});

describe("what the store learns from where it runs comes from its services", () => {
  it("a page opened as a file has no proxy, and says what to do instead", async () => {
    const store = createWorkbenchStore(headlessServices({ openedAsFile: () => true }));
    await store.getState().checkProxy();
    expect(store.getState().proxy).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/opened as a file.*curl command/) as unknown });
  });

  it("Generate waits for the paint of the thumbprint before it makes the CSR", async () => {
    let painted: () => void = () => undefined;
    const afterPaint = vi.fn(() => new Promise<void>((resolve) => (painted = resolve)));
    const store = createWorkbenchStore(headlessServices({ afterPaint }));
    const generating = store.getState().generate();
    await vi.waitFor(() => expect(store.getState().credential).toBeDefined(), { timeout: 30_000, interval: 10 });
    expect(afterPaint).toHaveBeenCalledTimes(1);
    expect(store.getState().files?.["server.csr"]).toBeUndefined();
    painted();
    await generating;
    expect(store.getState().files?.["server.csr"]).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(store.getState().credential?.csrDer).toBeDefined();
  });
});

describe("the rules components read from the store", () => {
  it("has a key: only a credential with its key", async () => {
    const store = createWorkbenchStore(headlessServices());
    expect(selectHasKey(store.getState())).toBe(false);
    await store.getState().generate();
    expect(selectHasKey(store.getState())).toBe(true);
    const credential = store.getState().credential;
    store.setState({ credential: credential ? { ...credential, key: undefined } : undefined });
    expect(selectHasKey(store.getState())).toBe(false);
  });

  it("Send is refused for the reason the panel shows, and sendTokenRequest gives the same reason", async () => {
    const store = createWorkbenchStore(headlessServices());
    store.setState({ proxy: available, settings: { ...VALID_APP_SETTINGS } });
    // The certificate method without a key on the page.
    expect(selectTokenRequestBlocker(store.getState())).toBe("Generate or import a key first.");
    expect(selectCanSendTokenRequest(store.getState())).toBe(false);
    await store.getState().sendTokenRequest();
    expect(store.getState().tokenRequest.error).toBe("Generate or import a key first.");
    // A secret that is missing blocks; one that is there does not (and needs no key).
    store.getState().setAuthMethod("secret");
    expect(selectTokenRequestBlocker(store.getState())).toMatch(/Paste the client secret/);
    store.getState().setClientSecret("a-secret-value~with~enough~characters");
    expect(selectTokenRequestBlocker(store.getState())).toBeUndefined();
    expect(selectCanSendTokenRequest(store.getState())).toBe(true);
    // Without the proxy, nothing is sent: the proxy's own reason is given.
    store.setState({ proxy: { status: "unavailable", reason: "No proxy here." } });
    expect(selectTokenRequestBlocker(store.getState())).toBe("No proxy here.");
    // A settings problem comes first.
    store.setState({ proxy: available, settings: { ...VALID_APP_SETTINGS, tenant: "" } });
    expect(selectTokenRequestBlocker(store.getState())).toMatch(/tenant/i);
  });

  it("what the assertion is made from: the credential and the settings it is signed with, not the scope or the library", async () => {
    const store = createWorkbenchStore(headlessServices());
    store.setState({ settings: { ...VALID_APP_SETTINGS } });
    const before = selectAssertionInputs(store.getState());
    store.getState().setSetting("scope", "api://other/.default");
    store.getState().setSetting("library", "msal-python-pfx");
    expect(shallow(before, selectAssertionInputs(store.getState()))).toBe(true);
    for (const change of [() => store.getState().setSetting("tenant", "contoso.onmicrosoft.com"), () => store.getState().setSetting("includeX5c", true), () => store.getState().generate()]) {
      const previous = selectAssertionInputs(store.getState());
      await change();
      expect(shallow(previous, selectAssertionInputs(store.getState()))).toBe(false);
    }
  });
});
