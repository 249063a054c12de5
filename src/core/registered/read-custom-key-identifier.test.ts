import { describe, expect, it } from "vitest";
import { readCustomKeyIdentifier } from "./read-custom-key-identifier";

// Values of the forms real registrations hold (see the module's comment for where each comes from).
const HEX = "6443E93FFF8A25ED9F54304D68F34E4C3A093127";

describe("customKeyIdentifier: hex thumbprint, base64 thumbprint bytes, or a custom identifier", () => {
  it("40 hex characters are the thumbprint itself, not base64 (which they also are)", () => {
    expect(readCustomKeyIdentifier(HEX)).toEqual({ form: "hex-thumbprint", raw: HEX, thumbprint: HEX });
    // Lowercase as some tools print it: the same thumbprint, uppercased as the portal shows it.
    expect(readCustomKeyIdentifier(HEX.toLowerCase())).toMatchObject({ form: "hex-thumbprint", thumbprint: HEX });
    // Decoded as base64 the same text is 30 bytes: proof the hex rule is what decides.
    expect(Buffer.from(HEX, "base64")).toHaveLength(30);
  });
  it("39 or 41 hex characters are not a thumbprint", () => {
    expect(readCustomKeyIdentifier(HEX.slice(1)).form).toBe("custom");
    expect(readCustomKeyIdentifier(`${HEX}A`).form).toBe("custom");
  });
  it("base64 of 20 bytes is the thumbprint's bytes (the Azure AD Graph manifest's form)", () => {
    const base64 = Buffer.from(HEX, "hex").toString("base64");
    expect(base64).toBe("ZEPpP/+KJe2fVDBNaPNOTDoJMSc=");
    expect(readCustomKeyIdentifier(base64)).toEqual({ form: "base64-thumbprint", raw: base64, thumbprint: HEX });
  });
  it("base64 of 32 bytes (a SHA-256) is a custom identifier, not a SHA-1 thumbprint", () => {
    expect(readCustomKeyIdentifier(Buffer.alloc(32, 7).toString("base64")).form).toBe("custom");
  });
  it("UTF-16 text written by older SDKs is read as its name", () => {
    // "//5yAGIAYQBjAA==" is a BOM then "rbac" in UTF-16LE (azure-libraries-for-net#546); made here by Node.
    expect(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("rbac", "utf16le")]).toString("base64")).toBe("//5yAGIAYQBjAA==");
    expect(readCustomKeyIdentifier("//5yAGIAYQBjAA==")).toEqual({ form: "custom", raw: "//5yAGIAYQBjAA==", text: "rbac" });
    expect(readCustomKeyIdentifier(Buffer.from("deploy-2025", "utf16le").toString("base64"))).toMatchObject({ form: "custom", text: "deploy-2025" });
  });
  it("UTF-8 text and plain words are custom identifiers", () => {
    expect(readCustomKeyIdentifier(Buffer.from("CN=app").toString("base64"))).toMatchObject({ form: "custom", text: "CN=app" });
    expect(readCustomKeyIdentifier("my cert")).toEqual({ form: "custom", raw: "my cert" });
  });
});
