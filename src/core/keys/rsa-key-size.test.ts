import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { RSAPrivateKey } from "@peculiar/asn1-rsa";
import { AsnConvert } from "@peculiar/asn1-schema";
import { describe, expect, it } from "vitest";
import { toArrayBuffer } from "../encoding";
import { decodePemBlocks } from "../formats/pem";
import { assertEntraKeyRule, entraKeyRuleProblem, meetsEntraKeyRule, MIN_ENTRA_RSA_BITS, rsaModulusBitLength } from "./rsa-key-size";
import { createOpenSslWorkspace } from "../../../test-support/openssl";

describe("rsaModulusBitLength (RFC 8017 §A.1)", () => {
  it.each([1023, 2047, 2048, 2049])("a %d-bit key made by OpenSSL measures what node:crypto says", (bits) => {
    const openssl = createOpenSslWorkspace();
    try {
      openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", `rsa_keygen_bits:${String(bits)}`, "-out", "key.pem"]);
      const pem = readFileSync(openssl.path("key.pem"), "utf8");
      const [block] = decodePemBlocks(pem);
      const info = AsnConvert.parse(toArrayBuffer(block?.der ?? new Uint8Array()), PrivateKeyInfo);
      const modulus = AsnConvert.parse(info.privateKey.buffer, RSAPrivateKey).modulus;
      expect(rsaModulusBitLength(modulus)).toBe(createPublicKey(pem).asymmetricKeyDetails?.modulusLength);
    } finally {
      openssl.dispose();
    }
  });
  it("ignores DER's leading zero octet and counts an empty modulus as 0", () => {
    expect(rsaModulusBitLength(new Uint8Array([0x00, 0x80, 0x00]))).toBe(16);
    expect(rsaModulusBitLength(new Uint8Array([0x00]))).toBe(0);
  });
});

describe("Entra's key rule: RSA ≥ 2048 bits (AADSTS50032)", () => {
  it("takes RSA from 2048 bits, nothing else", () => {
    expect(MIN_ENTRA_RSA_BITS).toBe(2048);
    expect([2047, 2048, 4096].map((rsaKeyBits) => meetsEntraKeyRule({ algorithm: "RSA", rsaKeyBits }))).toEqual([false, true, true]);
    expect(meetsEntraKeyRule({ algorithm: "EC (P-256)" })).toBe(false);
  });
  it("says what the key is and the rule, in one sentence", () => {
    expect(entraKeyRuleProblem({ algorithm: "RSA", rsaKeyBits: 1024 })).toBe("This key is RSA 1024-bit; Entra needs RSA ≥ 2048 bits (AADSTS50032).");
    expect(entraKeyRuleProblem({ algorithm: "EC (P-256)" }, "The certificate's key")).toBe("The certificate's key is EC (P-256); Entra accepts RSA keys only, of at least 2048 bits (AADSTS50032).");
    expect(entraKeyRuleProblem({ algorithm: "RSA", rsaKeyBits: 2048 })).toBeUndefined();
  });
  it("throws with a code that says which part is wrong", () => {
    expect(() => assertEntraKeyRule({ algorithm: "RSA", rsaKeyBits: 1024 })).toThrow(expect.objectContaining({ code: "ERR_INVALID_KEY_SIZE" }) as Error);
    expect(() => assertEntraKeyRule({ algorithm: "DSA" })).toThrow(expect.objectContaining({ code: "ERR_UNSUPPORTED_KEY" }) as Error);
    expect(() => assertEntraKeyRule({ algorithm: "RSA", rsaKeyBits: 3072 })).not.toThrow();
  });
});
