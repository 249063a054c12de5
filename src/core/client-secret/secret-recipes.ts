/**
 * Code that authenticates with a client secret, filled with the page's tenant, client ID, authority
 * and scope. Every snippet reads the secret from the AZURE_CLIENT_SECRET environment variable (the
 * name Azure Identity's EnvironmentCredential reads), never with the value pasted in: a snippet is
 * copied into files, chats and tickets.
 *
 * Sources: MSAL Python ConfidentialClientApplication `client_credential` "a string containing the
 * client secret" (the seed's first form); MSAL Node `auth.clientSecret`; MSAL.NET
 * `ConfidentialClientApplicationBuilder.WithClientSecret`; Azure Identity `ClientSecretCredential`
 * (Python azure.identity, JS @azure/identity: tenant ID, client ID, secret); Azure CLI
 * `az login --service-principal -u <appId> -p <secret> --tenant <tenant>` ("Sign in with a service
 * principal", https://learn.microsoft.com/cli/azure/authenticate-azure-cli-service-principal).
 */
import { msalNodeApp, msalPythonApp } from "../recipes/msal-app";
import { literal, placeholder } from "../recipes/recipe";
import { shellQuote } from "../recipes/shell-quote";

export interface SecretRecipeInputs {
  tenant: string;
  clientId: string;
  /** e.g. https://login.microsoftonline.com */
  authorityOrigin: string;
  tokenEndpoint: string;
  /** The v2.0 scope, {resource}/.default. */
  scope: string;
}

export interface SecretRecipe {
  id: string;
  title: string;
  language: "python" | "javascript" | "csharp" | "shell";
  description: string;
  code: string;
}

/** The environment variable every snippet reads the secret from. */
export const SECRET_ENV_VAR = "AZURE_CLIENT_SECRET";

export function buildSecretRecipes(inputs: SecretRecipeInputs): SecretRecipe[] {
  const tenant = placeholder(inputs.tenant, "<tenant id>");
  const clientId = placeholder(inputs.clientId, "<application (client) id>");
  const scope = placeholder(inputs.scope, "https://graph.microsoft.com/.default");
  const authority = `${inputs.authorityOrigin}/${tenant}`;
  const envNote = `Set ${SECRET_ENV_VAR} to the secret's Value first (e.g. read -rs ${SECRET_ENV_VAR}; export ${SECRET_ENV_VAR}), so it never sits in the code or the shell history.`;
  return [
    {
      id: "secret-msal-python",
      title: "MSAL Python (client secret)",
      language: "python",
      description: `client_credential takes the secret as a string. ${envNote}`,
      code: msalPythonApp({ imports: ["import os"], clientId, authority, scope, clientCredential: [`os.environ[${literal(SECRET_ENV_VAR)}],`] }),
    },
    {
      id: "secret-msal-node",
      title: "MSAL Node (clientSecret)",
      language: "javascript",
      description: envNote,
      code: msalNodeApp({ clientId, authority, scope, credentialLines: [`clientSecret: process.env.${SECRET_ENV_VAR},`] }),
    },
    {
      id: "secret-msal-net",
      title: "MSAL.NET (WithClientSecret)",
      language: "csharp",
      description: envNote,
      code: [
        "using Microsoft.Identity.Client;",
        "",
        `var app = ConfidentialClientApplicationBuilder.Create(${literal(clientId)})`,
        `    .WithAuthority(${literal(authority)})`,
        `    .WithClientSecret(Environment.GetEnvironmentVariable(${literal(SECRET_ENV_VAR)}))`,
        "    .Build();",
        `var result = await app.AcquireTokenForClient(new[] { ${literal(scope)} }).ExecuteAsync();`,
        "Console.WriteLine(result.AccessToken);",
      ].join("\n"),
    },
    {
      id: "secret-azure-identity-python",
      title: "Azure Identity for Python (ClientSecretCredential)",
      language: "python",
      description: envNote,
      code: [
        "import os",
        "from azure.identity import ClientSecretCredential",
        "",
        "credential = ClientSecretCredential(",
        `    tenant_id=${literal(tenant)},`,
        `    client_id=${literal(clientId)},`,
        `    client_secret=os.environ[${literal(SECRET_ENV_VAR)}],`,
        `    authority=${literal(inputs.authorityOrigin)},`,
        ")",
        `print(credential.get_token(${literal(scope)}).token)`,
      ].join("\n"),
    },
    {
      id: "secret-azure-identity-js",
      title: "Azure Identity for JavaScript (ClientSecretCredential)",
      language: "javascript",
      description: envNote,
      code: [
        'import { ClientSecretCredential } from "@azure/identity";',
        "",
        `const credential = new ClientSecretCredential(${literal(tenant)}, ${literal(clientId)}, process.env.${SECRET_ENV_VAR}, {`,
        `  authorityHost: ${literal(inputs.authorityOrigin)},`,
        "});",
        `const token = await credential.getToken(${literal(scope)});`,
        "console.log(token.token);",
      ].join("\n"),
    },
    {
      id: "secret-az-login",
      title: "Azure CLI (az login --service-principal)",
      language: "shell",
      description: `${envNote} -u takes the application (client) ID, -p the secret's value.`,
      code: `az login --service-principal -u ${shellQuote(clientId)} -p "$${SECRET_ENV_VAR}" --tenant ${shellQuote(tenant)}`,
    },
    {
      id: "secret-curl",
      title: "curl (client_secret in the form body)",
      language: "shell",
      description: `The same request the workbench sends: client_secret_post. ${envNote}`,
      code: [
        `curl -sS -X POST ${shellQuote(inputs.tokenEndpoint)}`,
        "  -H 'Content-Type: application/x-www-form-urlencoded'",
        `  --data-urlencode ${shellQuote("grant_type=client_credentials")}`,
        `  --data-urlencode ${shellQuote(`client_id=${clientId}`)}`,
        `  --data-urlencode ${shellQuote(`scope=${scope}`)}`,
        `  --data-urlencode "client_secret=$${SECRET_ENV_VAR}"`,
      ].join(" \\\n"),
    },
  ];
}
