import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readPastedSignature } from "./read-pasted-signature";

// A 256-byte value whose base64 has + and / and whose base64url has - and _ (checked below), like a real signature.
const bytes = (() => {
  for (;;) {
    const candidate = randomBytes(256);
    const b64 = candidate.toString("base64");
    if (/\+/.test(b64) && /\//.test(b64)) return candidate;
  }
})();
const base64 = bytes.toString("base64");
const base64url = bytes.toString("base64url");

function expectBytes(text: string, shape: string, extra: Record<string, unknown> = {}): void {
  const read = readPastedSignature(text);
  expect(read, text.slice(0, 60)).toMatchObject({ ok: true, shape, ...extra });
  if (read.ok) expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
}

describe("reading a signature pasted back", () => {
  it("az keyvault key sign (az 2.51+): {algorithm, keyId, signature} in standard base64, as az prints it (indented JSON)", () => {
    const keyId = "https://contoso-kv.vault.azure.net/keys/app-cert/0123456789abcdef0123456789abcdef";
    const printed = JSON.stringify({ algorithm: "PS256", keyId, signature: base64 }, null, 2);
    expectBytes(printed, "az-cli", { algorithm: "PS256", keyId });
  });

  it("older az versions: {kid, result}", () => {
    expectBytes(JSON.stringify({ kid: "https://v.vault.azure.net/keys/k/1", result: base64 }), "az-cli-result", { keyId: "https://v.vault.azure.net/keys/k/1" });
    expectBytes(JSON.stringify({ kid: "https://v.vault.azure.net/keys/k/1", result: base64url }), "az-cli-result");
  });

  it("the Key Vault REST answer: {kid, value} in base64url", () => {
    expectBytes(JSON.stringify({ kid: "https://v.vault.azure.net/keys/k/1", value: base64url }), "key-vault-rest", { keyId: "https://v.vault.azure.net/keys/k/1" });
  });

  it("bare base64, also wrapped at 64 or 76 columns (openssl base64, base64) and with surrounding space", () => {
    expectBytes(base64, "base64");
    expectBytes(`\n  ${base64.replace(/.{64}/g, "$&\n")}\n`, "base64");
    expectBytes(base64.replace(/.{76}/g, "$&\r\n"), "base64");
    expectBytes(base64.replace(/.{64}/g, "$&\n    "), "base64");
  });

  it("bare base64url, and a quoted value (az … --query signature -o json)", () => {
    expectBytes(base64url, "base64url");
    expectBytes(JSON.stringify(base64), "base64");
    expectBytes(`'${base64url}'`, "base64url");
  });

  it("refuses what is not a signature, saying what to paste", () => {
    for (const text of ["", "   ", "hello world!", `${base64.slice(0, 20)}-_${base64.slice(20)}`, "{not json", "[1,2]", '{"kid":"x"}', '{"signature":"%%%"}', "eyJ.eyJ.sig"]) {
      const read = readPastedSignature(text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.message, text).toMatch(/paste/i);
    }
  });
});
