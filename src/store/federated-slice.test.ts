import { beforeEach, describe, expect, it } from "vitest";
import { INSPECT_IN_WORKER_CHARS } from "./inspect-slice";
import { createWorkbenchStore } from "./create-workbench-store";
import { headlessServices } from "./headless-services";

const segment = (text: string) => Buffer.from(text).toString("base64url");

describe("federated slice", () => {
  // A store of its own for each test: nothing carries over from another.
  let useWorkbenchStore = createWorkbenchStore(headlessServices());
  beforeEach(() => {
    useWorkbenchStore = createWorkbenchStore(headlessServices());
  });

  it("resetFederatedToken (the Token panel's Try again) forgets the token and what was made of it, keeping the credential fields and JWKS", async () => {
    const store = useWorkbenchStore.getState();
    store.setFederatedCredentialField("issuer", "https://issuer.test");
    await store.setFederatedJwks('{"keys":[]}');
    await store.setFederatedToken(`${segment('{"alg":"RS256"}')}.${segment('{"exp":1e308}')}.${segment("sig")}`);
    expect(useWorkbenchStore.getState().federatedInspection?.ok).toBe(true);
    useWorkbenchStore.getState().resetFederatedToken();
    const after = useWorkbenchStore.getState();
    expect(after).toMatchObject({ federatedToken: "", federatedInspection: undefined, federatedSignature: undefined, federatedJwks: '{"keys":[]}' });
    expect(after.federatedCredential.issuer).toBe("https://issuer.test");
  });

  it("a check still running when the token is reset does not come back after it", async () => {
    const pending = useWorkbenchStore.getState().setFederatedToken(`${segment('{"alg":"RS256"}')}.${segment('{"sub":"x"}')}.${segment("sig")}`);
    useWorkbenchStore.getState().resetFederatedToken();
    await pending;
    expect(useWorkbenchStore.getState().federatedInspection).toBeUndefined();
  });

  it("a token longer than the worker threshold is still decoded (in place where there is no Worker) and named when too deep", async () => {
    const deep = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    const text = `${segment('{"alg":"RS256"}')}.${segment(deep)}.${segment("sig")}`;
    expect(text.length).toBeGreaterThan(INSPECT_IN_WORKER_CHARS);
    await useWorkbenchStore.getState().setFederatedToken(text);
    const inspection = useWorkbenchStore.getState().federatedInspection;
    expect(inspection?.ok === false ? inspection.problem : "").toContain("The payload nests 50,000 levels deep");
  });
});
