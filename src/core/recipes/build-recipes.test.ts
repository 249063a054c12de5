import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialFiles, type Credential } from "../credential/credential";
import { generateCredential } from "../credential/generate-credential";
import type { Cloud } from "../../entra/clouds";
import { createOpenSslWorkspace, parseOpenSslFingerprint, type OpenSslWorkspace } from "../../../test-support/openssl";
import { recipeInputsFor } from "../../../test-support/recipe-inputs-fixture";
import { assertSnippetParses, shellArguments } from "../../../test-support/snippets";
import { buildRecipes } from "./build-recipes";
import { keyCredentialEntry } from "./key-credentials";
import { RECIPE_GROUPS, type Recipe, type RecipeInputs } from "./recipe";

describe("recipes filled with the page's values", () => {
  let openssl: OpenSslWorkspace;
  let credential: Credential;
  let inputs: RecipeInputs;
  let opensslSha1: string;

  beforeAll(async () => {
    openssl = createOpenSslWorkspace();
    credential = await generateCredential({ keySize: 2048, subject: { commonName: `it's "quoted", ok` }, validityDays: 30 });
    openssl.write("server.crt", credentialFiles(credential)["server.crt"]);
    opensslSha1 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha1"]));
    inputs = recipeInputsFor(credential);
  });
  afterAll(() => openssl.dispose());

  it("keyCredentials: key is the certificate's DER and customKeyIdentifier its SHA-1, as OpenSSL sees them", () => {
    const entry = keyCredentialEntry(inputs);
    openssl.write("from-key.der", Buffer.from(entry.key ?? "", "base64"));
    const fingerprint = parseOpenSslFingerprint(openssl.run(["x509", "-in", "from-key.der", "-inform", "DER", "-noout", "-fingerprint", "-sha1"]));
    expect(fingerprint).toBe(opensslSha1);
    expect(Buffer.from(entry.customKeyIdentifier ?? "", "base64").toString("hex").toUpperCase()).toBe(opensslSha1);
    expect(entry).toMatchObject({ type: "AsymmetricX509Cert", usage: "Verify", keyId: inputs.keyId });
    const notAfter = openssl.run(["x509", "-in", "server.crt", "-noout", "-enddate"]).trim().replace("notAfter=", "");
    expect(new Date(entry.endDateTime ?? "").getTime()).toBe(new Date(notAfter).getTime());
  });

  it("MSAL Python: valid Python holding the portal's form of the thumbprint", () => {
    const recipe = buildRecipes(inputs).find((item) => item.id === "msal-python");
    expect(recipe?.code).toContain(`"thumbprint": "${opensslSha1}"`);
    expect(recipe?.code).toContain('open("server.pem").read()');
    // Python's own parser judges the snippet.
    assertSnippetParses({ language: "python", code: recipe?.code ?? "" });
  });

  it("every Python and JavaScript snippet parses, even with quotes in the values", () => {
    const tricky = { ...inputs, tenant: `a"b'c`, clientId: "x\\y" };
    for (const recipe of buildRecipes(tricky)) expect(() => assertSnippetParses(recipe)).not.toThrow();
  });

  it("the curl recipe posts the five client-credentials fields to the token endpoint", () => {
    const code = buildRecipes(inputs).find((item) => item.id === "curl")?.code ?? "";
    const args = shellArguments("curl", code);
    expect(args).toContain(inputs.tokenEndpoint);
    expect(args).toContain("grant_type=client_credentials");
    expect(args).toContain(`client_id=${inputs.clientId}`);
    expect(args).toContain("client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  });

  it("MSAL Node follows the form: thumbprintSha256 (OpenSSL's SHA-256) for PS256, thumbprint (OpenSSL's SHA-1) for RS256", () => {
    const sha256 = parseOpenSslFingerprint(openssl.run(["x509", "-in", "server.crt", "-noout", "-fingerprint", "-sha256"]));
    const ps256 = byId(buildRecipes({ ...inputs, form: "PS256-x5t#S256" }), "msal-node");
    expect(ps256.code).toContain(`thumbprintSha256: "${sha256}"`);
    expect(ps256.code).not.toMatch(/\bthumbprint:/);
    expect(ps256.description).toContain("PS256");
    const rs256 = byId(buildRecipes({ ...inputs, form: "RS256-x5t" }), "msal-node");
    expect(rs256.code).toContain(`thumbprint: "${opensslSha1}"`);
    expect(rs256.code).not.toContain("thumbprintSha256");
    expect(rs256.description).toContain("RS256");
  });

  const clouds: Cloud[] = ["public", "usgov", "china", "custom"];
  const origins: Record<Cloud, string> = {
    public: "https://login.microsoftonline.com",
    usgov: "https://login.microsoftonline.us",
    china: "https://login.chinacloudapi.cn",
    custom: "https://login.example.com:8443",
  };
  const variants = clouds.flatMap((cloud) => [false, true].map((includeX5c) => ({ cloud, includeX5c })));
  const inputsFor = (cloud: Cloud, includeX5c: boolean): RecipeInputs => ({
    ...inputs,
    cloud,
    includeX5c,
    authorityOrigin: origins[cloud],
    tokenEndpoint: `${origins[cloud]}/contoso.onmicrosoft.com/oauth2/v2.0/token`,
  });

  it.each(variants)("every snippet parses for cloud $cloud, x5c $includeX5c (tricky values too)", ({ cloud, includeX5c }) => {
    for (const tricky of [false, true]) {
      const base = inputsFor(cloud, includeX5c);
      const recipes = buildRecipes(tricky ? { ...base, tenant: `a"b'c`, clientId: "x\\y" } : base);
      for (const recipe of recipes) expect(() => assertSnippetParses(recipe)).not.toThrow();
    }
  });

  it("US Government: MSAL uses the .us authority, Azure Identity AzureGovernment, the CLI AzureUSGovernment", () => {
    const recipes = buildRecipes(inputsFor("usgov", false));
    for (const id of ["msal-python", "msal-python-pfx", "msal-node", "msal-dotnet"]) {
      expect(byId(recipes, id).code).toContain('"https://login.microsoftonline.us/contoso.onmicrosoft.com"');
    }
    expect(byId(recipes, "azure-identity-python").code).toContain("authority=AzureAuthorityHosts.AZURE_GOVERNMENT");
    expect(byId(recipes, "azure-identity-python").code).toContain("import AzureAuthorityHosts, CertificateCredential");
    expect(byId(recipes, "azure-identity-js").code).toContain("authorityHost: AzureAuthorityHosts.AzureGovernment");
    for (const id of ["az-cli", "az-login"]) {
      expect(byId(recipes, id).code.split("\n")[0]).toBe("az cloud set --name AzureUSGovernment");
    }
    expect(byId(recipes, "curl").code).toContain("https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token");
  });

  it("China: Azure Identity AzureChina, the CLI AzureChinaCloud; public cloud: no authority override, no az cloud set", () => {
    const china = buildRecipes(inputsFor("china", false));
    expect(byId(china, "azure-identity-python").code).toContain("authority=AzureAuthorityHosts.AZURE_CHINA");
    expect(byId(china, "azure-identity-js").code).toContain("authorityHost: AzureAuthorityHosts.AzureChina");
    expect(byId(china, "az-login").code).toContain("az cloud set --name AzureChinaCloud");
    const publicCloud = buildRecipes(inputsFor("public", false));
    expect(byId(publicCloud, "azure-identity-python").code).not.toContain("authority=");
    expect(byId(publicCloud, "azure-identity-js").code).not.toContain("authorityHost");
    expect(publicCloud.map((recipe) => recipe.code).join("\n")).not.toContain("az cloud set");
  });

  it("custom authority: the host string for Azure Identity, no instance discovery/validation for MSAL", () => {
    const recipes = buildRecipes(inputsFor("custom", false));
    expect(byId(recipes, "azure-identity-python").code).toContain('authority="https://login.example.com:8443"');
    expect(byId(recipes, "azure-identity-js").code).toContain('authorityHost: "https://login.example.com:8443"');
    expect(byId(recipes, "msal-python").code).toContain("validate_authority=False");
    expect(byId(recipes, "msal-node").code).toContain('knownAuthorities: ["login.example.com:8443"]');
  });

  it("x5c ticked: every code recipe sends the certificate chain, and says why (SNI)", () => {
    const recipes = buildRecipes(inputsFor("public", true));
    expect(byId(recipes, "msal-python").code).toContain('"public_certificate": open("server.crt").read()');
    expect(byId(recipes, "msal-python-pfx").code).toContain('"public_certificate": True');
    expect(byId(recipes, "msal-node").code).toContain('x5c: readFileSync("server.crt", "utf8")');
    expect(byId(recipes, "msal-dotnet").code).toContain(".WithCertificate(certificate, sendX5C: true)");
    expect(byId(recipes, "azure-identity-python").code).toContain("send_certificate_chain=True");
    expect(byId(recipes, "azure-identity-js").code).toContain("sendCertificateChain: true");
    expect(byId(recipes, "az-login").code).toContain("--use-cert-sn-issuer");
    for (const recipe of recipes.filter((item) => item.group === "code")) expect(recipe.description).toContain("subject name and issuer");
  });

  it("x5c not ticked: no recipe sends the chain", () => {
    const all = buildRecipes(inputsFor("public", false)).map((recipe) => recipe.code).join("\n");
    for (const option of ["public_certificate", "x5c:", "sendX5C", "send_certificate_chain", "sendCertificateChain", "--use-cert-sn-issuer"]) {
      expect(all).not.toContain(option);
    }
  });

  it("az login signs in with server-with-key.pem as the app, in the tenant", () => {
    const code = byId(buildRecipes(inputs), "az-login").code;
    expect(shellArguments("az", code)).toEqual(["login", "--service-principal", "--username", inputs.clientId, "--tenant", inputs.tenant, "--certificate", "server-with-key.pem"]);
  });

  it("every recipe sits in a group the panel shows, msal-python in the first (open) one", () => {
    const recipes = buildRecipes(inputs);
    const groupIds = RECIPE_GROUPS.map((group) => group.id);
    for (const recipe of recipes) expect(groupIds).toContain(recipe.group);
    expect(byId(recipes, "msal-python").group).toBe(groupIds[0]);
    expect(new Set(recipes.map((recipe) => recipe.id)).size).toBe(recipes.length);
  });
});

function byId(recipes: Recipe[], id: string): Recipe {
  const recipe = recipes.find((item) => item.id === id);
  if (!recipe) throw new Error(`no recipe ${id}`);
  return recipe;
}

/** Recipes for a fresh 2048-bit credential, with the given settings over a public-cloud v2.0 default. */
async function recipesFor(overrides: Partial<RecipeInputs>): Promise<Recipe[]> {
  const credential = await generateCredential({ keySize: 2048, subject: { commonName: "recipes" }, validityDays: 1 });
  return buildRecipes(recipeInputsFor(credential, { keyId: "00000000-0000-8000-8000-000000000000", ...overrides }));
}

describe("the curl recipe follows the endpoint version", () => {
  it("sends resource (no /.default) to the v1 endpoint", async () => {
    const recipes = await recipesFor({ tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token", version: "v1" });
    const curl = recipes.find((recipe) => recipe.id === "curl")?.code ?? "";
    expect(curl).toContain("resource=https://graph.microsoft.com");
    expect(curl).not.toContain("scope=");
  });
});

describe("code recipes ask for a /.default scope whatever the Token panel holds", () => {
  it.each([
    ["https://graph.microsoft.com", "https://graph.microsoft.com/.default"],
    ["https://graph.microsoft.com/", "https://graph.microsoft.com/.default"],
    ["", "https://graph.microsoft.us/.default"],
  ])("scope field %j gives %s", async (typed, expected) => {
    const recipes = await recipesFor({
      authorityOrigin: "https://login.microsoftonline.us",
      tokenEndpoint: "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/token",
      scope: typed,
      cloud: "usgov",
      version: "v1",
    });
    for (const id of ["msal-python", "msal-node", "msal-dotnet", "azure-identity-python", "azure-identity-js"]) {
      expect(recipes.find((recipe) => recipe.id === id)?.code).toContain(`"${expected}"`);
    }
  });
});
