import { beforeEach, describe, expect, it } from "vitest";
import type { Credential, CredentialFiles } from "@/core/credential/credential";
import { createWorkbenchStore } from "./create-workbench-store";
import { headlessServices } from "./headless-services";
import { selectRegisteredObjectId, selectValidityLimitNote, type RegisteredRotation } from "./registered-slice";

// A fresh store for each test (headless services: no browser), its settings storage watched.
const written = new Map<string, string>();
const watchedStorage = () => ({ getItem: (key: string) => written.get(key) ?? null, setItem: (key: string, value: string) => void written.set(key, value), removeItem: (key: string) => void written.delete(key) });
let useWorkbenchStore = createWorkbenchStore(headlessServices({ settingsStorage: watchedStorage }));

const secrets = (hint: string) => JSON.stringify([{ customKeyIdentifier: null, displayName: "ci", endDateTime: "2099-01-01T00:00:00Z", hint, keyId: `key-${hint}`, secretText: null, startDateTime: "2026-01-01T00:00:00Z" }]);

beforeEach(() => {
  written.clear();
  useWorkbenchStore = createWorkbenchStore(headlessServices({ settingsStorage: watchedStorage }));
});

describe("the registered slice", () => {
  it("reads a paste into rows, and a syntax error into a coded problem with its position", async () => {
    await useWorkbenchStore.getState().readRegistered(secrets("abc"));
    expect(useWorkbenchStore.getState().registeredRead?.rows).toHaveLength(1);
    await useWorkbenchStore.getState().readRegistered("[\n  x\n]");
    expect(useWorkbenchStore.getState().registeredError).toMatchObject({ code: "ERR_REGISTERED_SYNTAX", position: { line: 2, column: 3 } });
    expect(useWorkbenchStore.getState().registeredRead).toBeUndefined();
  });
  it("a later paste wins over an earlier one still being read", async () => {
    // The first is long (read by the worker's path, and slower), the second short: the first finishes last.
    const long = JSON.stringify(Array.from({ length: 3000 }, (_, index) => ({ keyId: `long-${String(index)}`, hint: "one", displayName: "x".repeat(80), endDateTime: "2099-01-01T00:00:00Z" })));
    expect(long.length).toBeGreaterThan(256 * 1024);
    const first = useWorkbenchStore.getState().readRegistered(long);
    const second = useWorkbenchStore.getState().readRegistered(secrets("two"));
    await Promise.all([first, second]);
    expect(useWorkbenchStore.getState().registeredRead?.rows.map((row) => row.keyId)).toEqual(["key-two"]);
  });
  it("clearing the box clears what was read", async () => {
    await useWorkbenchStore.getState().readRegistered(secrets("abc"));
    await useWorkbenchStore.getState().readRegistered("  ");
    expect(useWorkbenchStore.getState()).toMatchObject({ registeredRead: undefined, registeredError: undefined, registeredReading: false });
  });
  it("nothing read is persisted: localStorage holds the settings only", async () => {
    await useWorkbenchStore.getState().readRegistered(secrets("abc"));
    useWorkbenchStore.getState().setRegisteredObjectId("typed-object-id");
    useWorkbenchStore.getState().setSetting("clientId", "cid-marker");
    const stored = [...written.values()].join("\n");
    expect(stored).toContain("cid-marker");
    expect(stored).not.toContain("key-abc");
    expect(stored).not.toContain("typed-object-id");
  });
  it("the object ID: as typed, else the pasted application's", async () => {
    await useWorkbenchStore.getState().readRegistered(JSON.stringify({ id: "from-paste", appId: "app", keyCredentials: [] }));
    expect(selectRegisteredObjectId(useWorkbenchStore.getState())).toBe("from-paste");
    useWorkbenchStore.getState().setRegisteredObjectId(" typed ");
    expect(selectRegisteredObjectId(useWorkbenchStore.getState())).toBe("typed");
  });
  it("a pasted policy's limit reaches the Generate form's note; without one there is none", async () => {
    expect(selectValidityLimitNote(useWorkbenchStore.getState())).toBeUndefined();
    await useWorkbenchStore.getState().readRegistered(JSON.stringify({ displayName: "Tenant", isEnabled: true, applicationRestrictions: { keyCredentials: [{ restrictionType: "asymmetricKeyLifetime", maxLifetime: "P90D" }] } }));
    expect(selectValidityLimitNote(useWorkbenchStore.getState())).toMatch(/at most 90 days \(maxLifetime P90D\): choose 89 or fewer/);
  });
});

describe("a rotation's life", () => {
  // The credential-changed notification as the credential slice sends it; the credential itself is not read here.
  const change = (cause: "generated" | "imported" | "forgotten") => {
    if (cause === "forgotten") useWorkbenchStore.getState().forgetCredential();
    else useWorkbenchStore.getState().replaceCredential({ origin: cause === "generated" ? "generated" : "imported" } as unknown as Credential, { keySaved: true, cause, files: {} as CredentialFiles });
  };
  const rotation = (status: RegisteredRotation["status"]): RegisteredRotation => ({ status, oldKeyId: "old", copied: "", notes: [], holdsOldKey: false });
  it("its own successor (generated while it is being made) keeps it", () => {
    useWorkbenchStore.setState({ registeredRotation: rotation("making") });
    change("generated");
    expect(useWorkbenchStore.getState().registeredRotation?.status).toBe("making");
  });
  it("another Generate afterwards, an import or removing the key ends it", () => {
    for (const cause of ["generated", "imported", "forgotten"] as const) {
      useWorkbenchStore.setState({ registeredRotation: rotation("ready") });
      change(cause);
      expect(useWorkbenchStore.getState().registeredRotation).toBeUndefined();
    }
  });
});
