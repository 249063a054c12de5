import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesEqual } from "../encoding";
import { WorkbenchError } from "../errors";
import { decodePemBlocks, encodePem } from "./pem";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { DEFAULT_PKCS8_ITERATIONS, decryptPrivateKeyPkcs8, encryptPrivateKeyPkcs8 } from "./encrypted-private-key";

const PASSWORD = "Pässwörd with spaces & symbols!";

function pemDer(text: string): Uint8Array {
  const [block] = decodePemBlocks(text);
  if (!block) throw new Error("no PEM block");
  return block.der;
}

async function expectWrongPassword(promise: Promise<unknown>): Promise<void> {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(WorkbenchError);
  expect((error as WorkbenchError).code).toBe("ERR_WRONG_PASSWORD");
  expect((error as WorkbenchError).message).toBe("The password does not open this key. Check the password (it is case-sensitive) and try again.");
}

describe("encrypted PKCS#8 (RFC 5208 §6, RFC 8018 §6.2), judged by OpenSSL", () => {
  let openssl: OpenSslWorkspace;
  let keyPem: string;
  let pkcs8Der: Uint8Array;
  let publicKeyPem: string;

  beforeAll(() => {
    openssl = createOpenSslWorkspace();
    openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "key.pem"]);
    keyPem = openssl.run(["pkey", "-in", "key.pem"]);
    pkcs8Der = pemDer(keyPem);
    publicKeyPem = openssl.run(["pkey", "-in", "key.pem", "-pubout"]);
  });
  afterAll(() => openssl.dispose());

  it("writes PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC that `openssl pkcs8` opens to the same key", async () => {
    const der = await encryptPrivateKeyPkcs8(pkcs8Der, PASSWORD, { iterations: 2048 });
    openssl.write("ours.pem", encodePem("ENCRYPTED PRIVATE KEY", der));
    const parsed = openssl.run(["asn1parse", "-in", "ours.pem"]);
    expect(parsed).toMatch(/OBJECT\s+:PBES2/);
    expect(parsed).toMatch(/OBJECT\s+:PBKDF2/);
    expect(parsed).toMatch(/OBJECT\s+:hmacWithSHA256/);
    expect(parsed).toMatch(/OBJECT\s+:aes-256-cbc/);
    expect(parsed).toMatch(/INTEGER\s+:0800/);
    const decrypted = openssl.run(["pkcs8", "-in", "ours.pem", "-passin", `pass:${PASSWORD}`]);
    expect(bytesEqual(pemDer(decrypted), pkcs8Der)).toBe(true);
    expect(openssl.run(["pkey", "-in", "ours.pem", "-passin", `pass:${PASSWORD}`, "-pubout"])).toBe(publicKeyPem);
  });

  it(`uses ${String(DEFAULT_PKCS8_ITERATIONS)} iterations by default, which OpenSSL reads`, async () => {
    const der = await encryptPrivateKeyPkcs8(pkcs8Der, "pw");
    openssl.write("default.pem", encodePem("ENCRYPTED PRIVATE KEY", der));
    expect(openssl.run(["asn1parse", "-in", "default.pem"])).toMatch(/INTEGER\s+:0927C0/);
    expect(openssl.run(["pkey", "-in", "default.pem", "-passin", "pass:pw", "-pubout"])).toBe(publicKeyPem);
    expect(bytesEqual(await decryptPrivateKeyPkcs8(der, "pw"), pkcs8Der)).toBe(true);
  });

  const opensslVariants: [string, string[]][] = [
    ["default (-v2 aes256, hmacWithSHA256)", ["pkcs8", "-topk8"]],
    ["-v2 aes128 -v2prf hmacWithSHA1", ["pkcs8", "-topk8", "-v2", "aes128", "-v2prf", "hmacWithSHA1"]],
    ["-v2 aes192 -v2prf hmacWithSHA384", ["pkcs8", "-topk8", "-v2", "aes192", "-v2prf", "hmacWithSHA384"]],
    ["-v2 aes256 -v2prf hmacWithSHA512", ["pkcs8", "-topk8", "-v2", "aes256", "-v2prf", "hmacWithSHA512"]],
    ["-v2 des3", ["pkcs8", "-topk8", "-v2", "des3"]],
    ["-v1 PBE-SHA1-3DES", ["pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES"]],
    ["-v1 PBE-SHA1-RC2-40 (legacy provider)", ["pkcs8", "-topk8", "-v1", "PBE-SHA1-RC2-40", "-provider", "legacy", "-provider", "default"]],
  ];

  it.each(opensslVariants)("opens what `openssl %s` writes, and refuses a wrong password", async (_name, args) => {
    const der = pemDer(openssl.run([...args, "-in", "key.pem", "-passout", `pass:${PASSWORD}`]));
    expect(bytesEqual(await decryptPrivateKeyPkcs8(der, PASSWORD), pkcs8Der)).toBe(true);
    await expectWrongPassword(decryptPrivateKeyPkcs8(der, "pässwörd with spaces & symbols!"));
  });

  it("opens `openssl genpkey -aes256` output", async () => {
    const genPem = openssl.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes256", "-pass", "pass:genpkey-pw"]);
    openssl.write("gen.pem", genPem);
    const der = pemDer(genPem);
    const pkcs8 = await decryptPrivateKeyPkcs8(der, "genpkey-pw");
    openssl.write("gen-plain.pem", encodePem("PRIVATE KEY", pkcs8));
    expect(openssl.run(["pkey", "-in", "gen-plain.pem", "-pubout"])).toBe(openssl.run(["pkey", "-in", "gen.pem", "-passin", "pass:genpkey-pw", "-pubout"]));
    await expectWrongPassword(decryptPrivateKeyPkcs8(der, "wrong"));
  });

  it("refuses a wrong password on its own output", async () => {
    const der = await encryptPrivateKeyPkcs8(pkcs8Der, PASSWORD, { iterations: 1000 });
    await expectWrongPassword(decryptPrivateKeyPkcs8(der, PASSWORD.toUpperCase()));
    await expectWrongPassword(decryptPrivateKeyPkcs8(der, ""));
  });

  it("reports a non-EncryptedPrivateKeyInfo as an unsupported format", async () => {
    const error: unknown = await decryptPrivateKeyPkcs8(pkcs8Der.subarray(0, 40), PASSWORD).catch((caught: unknown) => caught);
    expect((error as WorkbenchError).code).toBe("ERR_UNSUPPORTED_FORMAT");
  });
});

