import { execFileSync } from "node:child_process";
import { constants, createHash, createPublicKey, randomUUID, verify, X509Certificate } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../credential/credential";
import { generateCredential } from "../credential/generate-credential";
import { encodePem } from "../formats/pem";
import { buildRecipes } from "./build-recipes";
import { LIBRARIES } from "./library-catalogue";
import { snippetForLibrary } from "./snippet-for-library";
import type { RecipeInputs } from "./recipe";
import { recipeInputsFor } from "../../../test-support/recipe-inputs-fixture";
import { assertSnippetParses } from "../../../test-support/snippets";
import { typeScriptSyntaxErrors } from "../../../test-support/typescript-parse";

const KEY_VAULT_IDS = ["key-vault-azure-identity-python", "key-vault-msal-python", "key-vault-msal-dotnet", "key-vault-azure-identity-js"] as const;

let credential: Credential;
let workspace: string;
let keyPath: string;
let certificate: X509Certificate;

/**
 * Stand-ins for azure-identity, azure-keyvault-keys and msal (Python) and @azure/identity and
 * @azure/keyvault-keys (JavaScript): the "vault" signs with a key file through OpenSSL / Node's crypto
 * and the credential prints the assertion it was handed, so the snippet's own code runs unchanged.
 */
function writeStubs(): void {
  const py = (path: string, text: string) => {
    mkdirSync(join(workspace, "py", path), { recursive: true });
    writeFileSync(join(workspace, "py", path, "__init__.py"), text);
  };
  py("azure", "");
  py("azure/keyvault", "");
  py("azure/keyvault/keys", "");
  py(
    "azure/keyvault/keys/crypto",
    [
      "import os, subprocess, types",
      "class SignatureAlgorithm:",
      '    rs256 = "RS256"',
      '    ps256 = "PS256"',
      "class CryptographyClient:",
      "    def __init__(self, key_id, credential):",
      "        self.key_id = key_id",
      "    def sign(self, algorithm, digest):",
      '        assert len(digest) == 32, "Key Vault takes the SHA-256 digest"',
      '        pss = ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:32"] if algorithm == "PS256" else []',
      '        out = subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", os.environ["VAULT_KEY"], "-pkeyopt", "digest:sha256"] + pss, input=digest, capture_output=True, check=True)',
      "        return types.SimpleNamespace(signature=out.stdout, algorithm=algorithm, key_id=self.key_id)",
    ].join("\n"),
  );
  py(
    "azure/identity",
    [
      "class DefaultAzureCredential:",
      "    pass",
      "class AzureAuthorityHosts:",
      '    AZURE_GOVERNMENT = "login.microsoftonline.us"',
      '    AZURE_CHINA = "login.chinacloudapi.cn"',
      "class ClientAssertionCredential:",
      "    def __init__(self, tenant_id, client_id, func, **kwargs):",
      "        self.func = func",
      "    def get_token(self, *scopes):",
      "        print(self.func())",
    ].join("\n"),
  );
  py(
    "msal",
    [
      "class ConfidentialClientApplication:",
      "    def __init__(self, client_id, authority=None, client_credential=None):",
      "        self.credential = client_credential",
      "    def acquire_token_for_client(self, scopes):",
      '        print(self.credential["client_assertion"]())',
    ].join("\n"),
  );
  const js = (name: string, text: string) => {
    const dir = join(workspace, "js", "node_modules", ...name.split("/"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name, type: "module", exports: "./index.js" }));
    writeFileSync(join(dir, "index.js"), text);
  };
  js(
    "@azure/identity",
    [
      "export class DefaultAzureCredential {}",
      'export const AzureAuthorityHosts = { AzureGovernment: "https://login.microsoftonline.us", AzureChina: "https://login.chinacloudapi.cn" };',
      "export class ClientAssertionCredential {",
      "  constructor(tenantId, clientId, getAssertion) { this.getAssertion = getAssertion; }",
      "  async getToken() { console.log(await this.getAssertion()); }",
      "}",
    ].join("\n"),
  );
  js(
    "@azure/keyvault-keys",
    [
      'import { constants, createPrivateKey, sign } from "node:crypto";',
      'import { readFileSync } from "node:fs";',
      "export class CryptographyClient {",
      "  constructor(keyId) { this.keyId = keyId; }",
      "  async signData(algorithm, data) {",
      '    const key = createPrivateKey(readFileSync(process.env.VAULT_KEY, "utf8"));',
      '    const options = algorithm === "PS256" ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : key;',
      '    return { result: sign("sha256", data, options), keyID: this.keyId, algorithm };',
      "  }",
      "}",
    ].join("\n"),
  );
}

beforeAll(async () => {
  credential = await generateCredential({ keySize: 2048, subject: { commonName: "key in vault" }, validityDays: 30 });
  workspace = mkdtempSync(join(tmpdir(), "cw-key-vault-"));
  if (!credential.key) throw new Error("no key");
  keyPath = join(workspace, "vault-key.pem");
  writeFileSync(keyPath, encodePem("PRIVATE KEY", credential.key.pkcs8Der));
  certificate = new X509Certificate(credential.certificateDer);
  writeStubs();
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** Runs a snippet against the stand-ins and returns the assertion it printed. */
function runSnippet(language: string, code: string): string {
  const env = { ...process.env, VAULT_KEY: keyPath, PYTHONPATH: join(workspace, "py") };
  if (language === "python") return execFileSync("python3", ["-"], { input: code, env, encoding: "utf8" }).trim();
  const file = join(workspace, "js", "snippet.mjs");
  writeFileSync(file, code);
  return execFileSync(process.execPath, [file], { env, encoding: "utf8", cwd: join(workspace, "js") }).trim();
}

/** Node's own check of what Entra checks: signature with the certificate's key, header and claims. */
function judge(jwt: string, inputs: RecipeInputs): void {
  const [header = "", payload = "", signature = ""] = jwt.split(".");
  const decode = (part: string): Record<string, unknown> => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  const alg = inputs.form === "PS256-x5t#S256" ? "PS256" : "RS256";
  const der = certificate.raw;
  const expectedHeader: Record<string, unknown> =
    alg === "PS256" ? { alg, typ: "JWT", "x5t#S256": createHash("sha256").update(der).digest("base64url") } : { alg, typ: "JWT", x5t: createHash("sha1").update(der).digest("base64url") };
  if (inputs.includeX5c) expectedHeader.x5c = [der.toString("base64")];
  expect(decode(header)).toEqual(expectedHeader);
  // Same members in the same order as the page's assertion.
  expect(Object.keys(decode(header))).toEqual(Object.keys(expectedHeader));
  const claims = decode(payload);
  expect(Object.keys(claims)).toEqual(["aud", "iss", "sub", "jti", "nbf", "iat", "exp"]);
  expect(claims).toMatchObject({ aud: inputs.tokenEndpoint, iss: inputs.clientId, sub: inputs.clientId });
  expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
  expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(60);
  const publicKey = createPublicKey(certificate.publicKey.export({ type: "spki", format: "pem" }));
  const key = alg === "PS256" ? { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : publicKey;
  expect(verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"))).toBe(true);
}

describe("step 3's key-in-Key-Vault snippets", () => {
  it("are offered as their own choice, and leave the page's assertion form as it is", () => {
    const keyVault = LIBRARIES.filter((library) => library.keyIn === "key-vault").map((library) => library.id);
    expect(keyVault).toEqual([...KEY_VAULT_IDS]);
    for (const id of KEY_VAULT_IDS) expect(LIBRARIES.find((library) => library.id === id)?.form, id).toBeUndefined();
  });

  for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
    for (const includeX5c of [false, true]) {
      it(`${form}${includeX5c ? " + x5c" : ""}: Python and JavaScript parse, run against stand-ins of the SDKs, and the vault-signed assertion is what Entra checks`, () => {
        const inputs = recipeInputsFor(credential, { form, includeX5c, clientId: randomUUID() });
        for (const id of ["key-vault-azure-identity-python", "key-vault-msal-python", "key-vault-azure-identity-js"] as const) {
          const snippet = snippetForLibrary(id, inputs);
          if (snippet.language === "python") assertSnippetParses(snippet);
          else expect(typeScriptSyntaxErrors(snippet.code), id).toEqual([]);
          judge(runSnippet(snippet.language, snippet.code), inputs);
        }
      });
    }
  }

  it("sovereign clouds: the authority host and the vault's DNS suffix follow the cloud", () => {
    const inputs = recipeInputsFor(credential, { cloud: "usgov", authorityOrigin: "https://login.microsoftonline.us", tokenEndpoint: "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token" });
    for (const id of KEY_VAULT_IDS) expect(snippetForLibrary(id, inputs).code, id).toContain(".vault.usgovcloudapi.net/keys/");
    const python = snippetForLibrary("key-vault-azure-identity-python", inputs);
    expect(python.code).toContain("authority=AzureAuthorityHosts.AZURE_GOVERNMENT");
    judge(runSnippet("python", python.code), inputs);
    const javascript = snippetForLibrary("key-vault-azure-identity-js", inputs);
    expect(javascript.code).toContain("authorityHost: AzureAuthorityHosts.AzureGovernment");
    expect(typeScriptSyntaxErrors(javascript.code)).toEqual([]);
    judge(runSnippet("javascript", javascript.code), inputs);
  });

  it("MSAL.NET: WithClientAssertion with CryptographyClient.SignDataAsync, the page's header members and claims", () => {
    for (const form of ["RS256-x5t", "PS256-x5t#S256"] as const) {
      const inputs = recipeInputsFor(credential, { form, includeX5c: true });
      const { code } = snippetForLibrary("key-vault-msal-dotnet", inputs);
      const { x5t, x5tS256 } = credential.certificateDetails.thumbprints;
      expect(code).toContain(".WithClientAssertion(BuildAssertionAsync)");
      expect(code).toContain(`SignDataAsync(SignatureAlgorithm.${form.slice(0, 5)}, Encoding.ASCII.GetBytes(signingInput))`);
      expect(code).toContain(form === "RS256-x5t" ? `["x5t"] = "${x5t}"` : `["x5t#S256"] = "${x5tS256}"`);
      expect(code).toContain(`["x5c"] = new[] { "${Buffer.from(credential.certificateDer).toString("base64")}" }`);
      expect(code).toContain(`const string TokenEndpoint = "${inputs.tokenEndpoint}";`);
      // Braces, brackets and parentheses balance (there is no C# compiler on the test machine).
      for (const [open, close] of [["{", "}"], ["(", ")"], ["[", "]"]] as const) expect(code.split(open).length, open).toBe(code.split(close).length);
    }
  });

  it("a value with quotes or backslashes cannot break out of the string literals", () => {
    const inputs = recipeInputsFor(credential, { clientId: 'a"b\\c', tenant: "t'\"x" });
    for (const id of ["key-vault-azure-identity-python", "key-vault-msal-python"] as const) assertSnippetParses(snippetForLibrary(id, inputs));
    expect(typeScriptSyntaxErrors(snippetForLibrary("key-vault-azure-identity-js", inputs).code)).toEqual([]);
  });

  it("appear among all recipes, in the code group", () => {
    const recipes = buildRecipes(recipeInputsFor(credential));
    for (const id of KEY_VAULT_IDS) expect(recipes.find((recipe) => recipe.id === id)?.group, id).toBe("code");
  });
});
