import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { assertSnippetParses, shellArguments } from "../../../test-support/snippets";
import { buildSecretRecipes, SECRET_ENV_VAR } from "./secret-recipes";

const inputs = {
  tenant: "contoso.onmicrosoft.com",
  clientId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  authorityOrigin: "https://login.microsoftonline.com",
  tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
  scope: "https://graph.microsoft.com/.default",
};

describe("client secret recipes", () => {
  const recipes = buildSecretRecipes(inputs);

  it("has each library the issue names", () => {
    expect(recipes.map((recipe) => recipe.id)).toEqual([
      "secret-msal-python",
      "secret-msal-node",
      "secret-msal-net",
      "secret-azure-identity-python",
      "secret-azure-identity-js",
      "secret-az-login",
      "secret-curl",
    ]);
  });

  it("every snippet reads the secret from the environment and parses (python3's ast, node --check, bash -n), even with quotes in the values", () => {
    const tricky = buildSecretRecipes({ ...inputs, tenant: `a"b'c`, clientId: "x\\y" });
    for (const recipe of [...recipes, ...tricky]) {
      expect(recipe.code).toContain(SECRET_ENV_VAR);
      expect(() => assertSnippetParses(recipe)).not.toThrow();
    }
  });

  it("MSAL Python passes the secret as client_credential, a string from os.environ", () => {
    const code = recipes.find((recipe) => recipe.id === "secret-msal-python")?.code ?? "";
    // Python itself evaluates the keyword: with the variable set, client_credential is that string.
    const probe = `${code.replace(/^import msal$/m, "import types\nmsal = types.SimpleNamespace(ConfidentialClientApplication=lambda *a, **k: print(repr(k['client_credential'])) or types.SimpleNamespace(acquire_token_for_client=lambda **k: {}))")}`;
    const output = execFileSync("python3", ["-c", probe], { env: { ...process.env, [SECRET_ENV_VAR]: "from-env" }, encoding: "utf8" });
    expect(output.split("\n")[0]).toBe("'from-env'");
  });

  it("az login: sh passes the app ID, the secret from the environment and the tenant", () => {
    const command = recipes.find((recipe) => recipe.id === "secret-az-login")?.code ?? "";
    const args = shellArguments("az", `${SECRET_ENV_VAR}='v a"l' && ${command}`);
    expect(args).toEqual(["login", "--service-principal", "-u", inputs.clientId, "-p", 'v a"l', "--tenant", inputs.tenant]);
  });

  it("curl: sh expands the secret into client_secret, the other fields literal", () => {
    const command = recipes.find((recipe) => recipe.id === "secret-curl")?.code ?? "";
    const args = shellArguments("curl", `${SECRET_ENV_VAR}='s&cr=t' && ${command}`);
    expect(args).toContain("client_secret=s&cr=t");
    expect(args).toContain(`client_id=${inputs.clientId}`);
    expect(args).toContain(inputs.tokenEndpoint);
  });
});
