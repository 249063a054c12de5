/**
 * Snippets for a key that never leaves Azure Key Vault: the app builds the client assertion itself and
 * has the vault sign it, through the callback each library offers — Azure Identity's
 * ClientAssertionCredential, MSAL Python's `client_credential={"client_assertion": callable}`, MSAL.NET's
 * WithClientAssertion. Each builds the header and claims the page shows (RFC 7523 §3; RFC 7515 §4.1.7 x5t,
 * §4.1.8 x5t#S256) for the form chosen on the page, with the thumbprint of the certificate on the page.
 */
import { bytesToBase64 } from "../encoding";
import type { Cloud } from "../../entra/clouds";
import { FORM_NAMES, literal, type Recipe, type RecipeContext } from "./recipe";

/** Key Vault's DNS suffix per cloud (Azure SDK KeyVault "vault.azure.net", "vault.usgovcloudapi.net", "vault.azure.cn"). */
const VAULT_SUFFIX: Readonly<Record<Cloud, string>> = {
  public: "vault.azure.net",
  usgov: "vault.usgovcloudapi.net",
  china: "vault.azure.cn",
  custom: "vault.azure.net",
};

/** MSAL and Azure Identity sign for 600 s; the snippets do the same. */
const LIFETIME_SECONDS = 600;

interface Shared {
  alg: "RS256" | "PS256";
  /** The header's members after alg and typ, as [name, JSON literal] pairs. */
  thumbprintHeader: [string, string][];
  keyId: string;
  tokenEndpoint: string;
}

function shared(context: RecipeContext): Shared {
  const { inputs } = context;
  const alg = inputs.form === "PS256-x5t#S256" ? "PS256" : "RS256";
  const thumbprintHeader: [string, string][] = [alg === "PS256" ? ["x5t#S256", literal(inputs.certificate.thumbprints.x5tS256)] : ["x5t", literal(inputs.certificate.thumbprints.x5t)]];
  if (inputs.includeX5c) thumbprintHeader.push(["x5c", `[${literal(bytesToBase64(inputs.certificateDer))}]`]);
  return { alg, thumbprintHeader, keyId: `https://<vault name>.${VAULT_SUFFIX[inputs.cloud]}/keys/<key name>/<key version>`, tokenEndpoint: inputs.tokenEndpoint };
}

/** The Python function that builds and has the vault sign one assertion (shared by both Python snippets). */
function pythonAssertionFunction(context: RecipeContext, { alg, thumbprintHeader, keyId, tokenEndpoint }: Shared): string[] {
  const header = [`"alg": ${literal(alg)}`, '"typ": "JWT"', ...thumbprintHeader.map(([name, value]) => `${literal(name)}: ${value}`)].join(", ");
  return [
    `TENANT_ID = ${literal(context.tenant)}`,
    `CLIENT_ID = ${literal(context.clientId)}`,
    `TOKEN_ENDPOINT = ${literal(tokenEndpoint)}  # the assertion's aud: exactly where the token request goes`,
    `KEY_ID = ${literal(keyId)}`,
    "",
    "# Any identity with the key's \"sign\" permission: a managed identity, az login, a workload identity.",
    "signer = CryptographyClient(KEY_ID, DefaultAzureCredential())",
    "",
    "",
    "def b64url(data):",
    '    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")',
    "",
    "",
    "def client_assertion():",
    "    now = int(time.time())",
    `    header = {${header}}`,
    "    claims = {",
    '        "aud": TOKEN_ENDPOINT, "iss": CLIENT_ID, "sub": CLIENT_ID, "jti": str(uuid.uuid4()),',
    `        "nbf": now, "iat": now, "exp": now + ${String(LIFETIME_SECONDS)},`,
    "    }",
    '    compact = lambda value: json.dumps(value, separators=(",", ":")).encode("utf-8")',
    '    signing_input = b64url(compact(header)) + "." + b64url(compact(claims))',
    "    # Key Vault signs a digest: SHA-256 of the signing input (RFC 7518 §3.3, §3.5).",
    '    digest = hashlib.sha256(signing_input.encode("ascii")).digest()',
    `    signature = signer.sign(SignatureAlgorithm.${alg.toLowerCase()}, digest).signature`,
    '    return signing_input + "." + b64url(signature)',
  ];
}

function pythonRecipes(context: RecipeContext, values: Shared): Recipe[] {
  const { scope, authority, sovereign, custom, inCloud } = context;
  const pythonAuthority = sovereign ? `AzureAuthorityHosts.${sovereign.python}` : custom ? literal(context.inputs.authorityOrigin) : undefined;
  const form = FORM_NAMES[context.inputs.form];
  const identityImports = ["ClientAssertionCredential", "DefaultAzureCredential", ...(sovereign ? ["AzureAuthorityHosts"] : [])].sort().join(", ");
  return [
    {
      id: "key-vault-azure-identity-python",
      group: "code",
      title: "Azure Identity for Python, key in Key Vault (ClientAssertionCredential)",
      language: "python",
      description: `Builds the assertion and has Key Vault sign it (azure-identity, azure-keyvault-keys): ${form}. The key never leaves the vault.${inCloud}${context.sni}`,
      code: [
        "import base64, hashlib, json, time, uuid",
        "",
        `from azure.identity import ${identityImports}`,
        "from azure.keyvault.keys.crypto import CryptographyClient, SignatureAlgorithm",
        "",
        ...pythonAssertionFunction(context, values),
        "",
        "",
        pythonAuthority ? `credential = ClientAssertionCredential(TENANT_ID, CLIENT_ID, client_assertion, authority=${pythonAuthority})` : "credential = ClientAssertionCredential(TENANT_ID, CLIENT_ID, client_assertion)",
        `token = credential.get_token(${literal(scope)})`,
      ].join("\n"),
    },
    {
      id: "key-vault-msal-python",
      group: "code",
      title: "MSAL Python, key in Key Vault (client_assertion callable)",
      language: "python",
      description: `MSAL calls client_assertion whenever it needs a token; Key Vault signs (azure-keyvault-keys): ${form}.${inCloud}${context.sni}`,
      code: [
        "import base64, hashlib, json, time, uuid",
        "",
        "import msal",
        "from azure.identity import DefaultAzureCredential",
        "from azure.keyvault.keys.crypto import CryptographyClient, SignatureAlgorithm",
        "",
        ...pythonAssertionFunction(context, values),
        "",
        "",
        "app = msal.ConfidentialClientApplication(",
        "    CLIENT_ID,",
        `    authority=${literal(authority)},`,
        '    client_credential={"client_assertion": client_assertion},  # a callable: a fresh assertion for every request',
        ")",
        `result = app.acquire_token_for_client(scopes=[${literal(scope)}])`,
      ].join("\n"),
    },
  ];
}

function dotnetRecipe(context: RecipeContext, { alg, thumbprintHeader, keyId, tokenEndpoint }: Shared): Recipe {
  const headerEntries = [`["alg"] = ${literal(alg)}`, '["typ"] = "JWT"', ...thumbprintHeader.map(([name, value]) => `[${literal(name)}] = ${value.startsWith("[") ? `new[] { ${value.slice(1, -1)} }` : value}`)];
  return {
    id: "key-vault-msal-dotnet",
    group: "code",
    title: "MSAL.NET, key in Key Vault (WithClientAssertion)",
    language: "csharp",
    description: `MSAL.NET asks for an assertion whenever it needs a token; Key Vault signs it (Azure.Security.KeyVault.Keys, Azure.Identity): ${FORM_NAMES[context.inputs.form]}.${context.inCloud}${context.sni}`,
    code: [
      "using System;",
      "using System.Collections.Generic;",
      "using System.Text;",
      "using System.Text.Json;",
      "using System.Threading.Tasks;",
      "using Azure.Identity;",
      "using Azure.Security.KeyVault.Keys.Cryptography;",
      "using Microsoft.Identity.Client;",
      "",
      `const string ClientId = ${literal(context.clientId)};`,
      `const string TokenEndpoint = ${literal(tokenEndpoint)}; // the assertion's aud`,
      `var signer = new CryptographyClient(new Uri(${literal(keyId)}), new DefaultAzureCredential());`,
      "",
      'static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd(\'=\').Replace(\'+\', \'-\').Replace(\'/\', \'_\');',
      "",
      "async Task<string> BuildAssertionAsync(AssertionRequestOptions options)",
      "{",
      "    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();",
      `    var header = new Dictionary<string, object> { ${headerEntries.join(", ")} };`,
      "    var claims = new Dictionary<string, object>",
      "    {",
      '        ["aud"] = TokenEndpoint, ["iss"] = ClientId, ["sub"] = ClientId, ["jti"] = Guid.NewGuid().ToString(),',
      `        ["nbf"] = now, ["iat"] = now, ["exp"] = now + ${String(LIFETIME_SECONDS)},`,
      "    };",
      '    var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));',
      "    // SignDataAsync hashes with SHA-256, then Key Vault signs the digest.",
      `    var signed = await signer.SignDataAsync(SignatureAlgorithm.${alg}, Encoding.ASCII.GetBytes(signingInput));`,
      '    return signingInput + "." + Base64Url(signed.Signature);',
      "}",
      "",
      "var app = ConfidentialClientApplicationBuilder.Create(ClientId)",
      `    .WithAuthority(${literal(context.authority)})`,
      "    .WithClientAssertion(BuildAssertionAsync)",
      "    .Build();",
      `var result = await app.AcquireTokenForClient(new[] { ${literal(context.scope)} }).ExecuteAsync();`,
    ].join("\n"),
  };
}

function javascriptRecipe(context: RecipeContext, { alg, thumbprintHeader, keyId, tokenEndpoint }: Shared): Recipe {
  const header = [`alg: ${literal(alg)}`, 'typ: "JWT"', ...thumbprintHeader.map(([name, value]) => `${literal(name)}: ${value}`)].join(", ");
  const authorityHost = context.sovereign ? `AzureAuthorityHosts.${context.sovereign.javascript}` : context.custom ? literal(context.inputs.authorityOrigin) : undefined;
  const identityImports = ["ClientAssertionCredential", "DefaultAzureCredential", ...(context.sovereign ? ["AzureAuthorityHosts"] : [])].sort().join(", ");
  return {
    id: "key-vault-azure-identity-js",
    group: "code",
    title: "Azure Identity for JavaScript, key in Key Vault (ClientAssertionCredential)",
    language: "javascript",
    description: `Builds the assertion and has Key Vault sign it (@azure/identity, @azure/keyvault-keys): ${FORM_NAMES[context.inputs.form]}.${context.inCloud}${context.sni}`,
    code: [
      'import { randomUUID } from "node:crypto";',
      `import { ${identityImports} } from "@azure/identity";`,
      'import { CryptographyClient } from "@azure/keyvault-keys";',
      "",
      `const tenantId = ${literal(context.tenant)};`,
      `const clientId = ${literal(context.clientId)};`,
      `const tokenEndpoint = ${literal(tokenEndpoint)}; // the assertion's aud`,
      `const signer = new CryptographyClient(${literal(keyId)}, new DefaultAzureCredential());`,
      "",
      'const b64url = (bytes) => Buffer.from(bytes).toString("base64url");',
      "",
      "async function clientAssertion() {",
      "  const now = Math.floor(Date.now() / 1000);",
      `  const header = { ${header} };`,
      `  const claims = { aud: tokenEndpoint, iss: clientId, sub: clientId, jti: randomUUID(), nbf: now, iat: now, exp: now + ${String(LIFETIME_SECONDS)} };`,
      '  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;',
      "  // signData hashes with SHA-256, then Key Vault signs the digest.",
      `  const { result } = await signer.signData(${literal(alg)}, Buffer.from(signingInput, "ascii"));`,
      "  return `${signingInput}.${b64url(result)}`;",
      "}",
      "",
      authorityHost
        ? `const credential = new ClientAssertionCredential(tenantId, clientId, clientAssertion, { authorityHost: ${authorityHost} });`
        : "const credential = new ClientAssertionCredential(tenantId, clientId, clientAssertion);",
      `const token = await credential.getToken(${literal(context.scope)});`,
    ].join("\n"),
  };
}

/** The Key Vault snippets, for the form chosen on the page. */
export function keyVaultSigningRecipes(context: RecipeContext): Recipe[] {
  const values = shared(context);
  return [...pythonRecipes(context, values), dotnetRecipe(context, values), javascriptRecipe(context, values)];
}
