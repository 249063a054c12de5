import { describe, expect, it } from "vitest";
import { keyIdFromThumbprint } from "./key-credentials";

describe("keyIdFromThumbprint", () => {
  it("is a GUID that Graph accepts as keyId, stable for a thumbprint and different across thumbprints", () => {
    const a = keyIdFromThumbprint("D11B3EDEB240E4AD3D8F176216AB1356B40E5428");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keyIdFromThumbprint("D11B3EDEB240E4AD3D8F176216AB1356B40E5428")).toBe(a);
    expect(keyIdFromThumbprint("011B3EDEB240E4AD3D8F176216AB1356B40E5428")).not.toBe(a);
  });
});
