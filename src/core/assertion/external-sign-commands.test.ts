import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePemBlocks } from "../formats/pem";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { shellArguments } from "../../../test-support/snippets";
import { externalSignCommands } from "./external-sign-commands";
import { prepareExternalSigning, type ExternalSigningRequest } from "./external-signing-input";

let openssl: OpenSslWorkspace;
let rs: ExternalSigningRequest;
let ps: ExternalSigningRequest;

beforeAll(async () => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-subj", "/CN=commands", "-days", "2"]);
  const certificateDer = decodePemBlocks(openssl.run(["x509", "-in", "c.pem"]))[0]?.der;
  if (!certificateDer) throw new Error("no certificate");
  const base = { certificateDer, clientId: "00001111-aaaa-2222-bbbb-3333cccc4444", tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token" };
  rs = await prepareExternalSigning({ ...base, form: "RS256-x5t" });
  ps = await prepareExternalSigning({ ...base, form: "PS256-x5t#S256" });
});
afterAll(() => openssl.dispose());

const code = (request: ExternalSigningRequest, id: string, location = {}): string => externalSignCommands(request, location).find((command) => command.id === id)?.code ?? "";

describe("the commands that sign the digest where the key lives", () => {
  it("az keyvault key sign, by vault and key name: the arguments sh passes are exactly the az ones", () => {
    expect(shellArguments("az", code(ps, "az-name", { vaultName: "contoso-kv", keyName: "app cert" }))).toEqual([
      "keyvault", "key", "sign", "--vault-name", "contoso-kv", "--name", "app cert", "--algorithm", "PS256", "--digest", ps.digestBase64,
    ]);
    expect(shellArguments("az", code(rs, "az-name"))).toEqual(["keyvault", "key", "sign", "--vault-name", "<vault name>", "--name", "<key name>", "--algorithm", "RS256", "--digest", rs.digestBase64]);
  });

  it("az keyvault key sign --id, with the key's URL", () => {
    expect(shellArguments("az", code(rs, "az-id", { vaultName: "contoso-kv", keyName: "app" }))).toEqual([
      "keyvault", "key", "sign", "--id", "https://contoso-kv.vault.azure.net/keys/app/<key version>", "--algorithm", "RS256", "--digest", rs.digestBase64,
    ]);
  });

  it("the REST call: POST …/sign?api-version=7.4 with {alg, value} and the base64url digest", () => {
    const [requestLine, , , , body] = code(ps, "rest").split("\n");
    expect(requestLine).toBe("POST https://<vault name>.vault.azure.net/keys/<key name>/<key version>/sign?api-version=7.4");
    expect(JSON.parse(body ?? "")).toEqual({ alg: "PS256", value: ps.digestBase64Url });
  });

  it("OpenSSL: pkeyutl with digest:sha256, and for PS256 PSS with a 32-byte salt", () => {
    expect(code(rs, "openssl")).toContain("-pkeyopt digest:sha256");
    expect(code(rs, "openssl")).not.toContain("pss");
    expect(code(ps, "openssl")).toContain("-pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:32");
    // Its first line, run by sh, writes exactly the digest's bytes.
    execFileSync("sh", ["-c", code(rs, "openssl").split("\n")[0] ?? ""], { cwd: openssl.path(".") });
    expect(Buffer.from(readFileSync(openssl.path("digest.bin"))).equals(Buffer.from(rs.digest))).toBe(true);
  });
});
