import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { announceCredentialChanged, onCredentialChanged, type CredentialChange } from "./credential-changed";

describe("the credential-changed notification", () => {
  it("reaches every reaction registered on that store, in order, with the cause", () => {
    const store = createStore(() => ({}));
    const seen: string[] = [];
    onCredentialChanged(store, ({ cause }) => seen.push(`first ${cause}`));
    onCredentialChanged(store, ({ cause }) => seen.push(`second ${cause}`));
    announceCredentialChanged(store, { cause: "forgotten" });
    expect(seen).toEqual(["first forgotten", "second forgotten"]);
  });

  it("does not reach another store's reactions", () => {
    const mine = createStore(() => ({}));
    const other = createStore(() => ({}));
    const seen: CredentialChange[] = [];
    onCredentialChanged(other, (change) => seen.push(change));
    announceCredentialChanged(mine, { cause: "generated" });
    expect(seen).toEqual([]);
  });
});
