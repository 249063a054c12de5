import { bytesToBase64, hexToBytes } from "./encoding";
import type { AssertionForm } from "./assertion/client-assertion";
import type { Cloud } from "./assertion/token-endpoint";
import type { CertificateDetails } from "./certificate/describe";
import { shellQuote } from "./shell-quote";
import { buildClientCredentialsForm } from "./token-request/client-credentials-form";
import { curlCommandFor } from "./token-request/curl-command";
import { toDefaultScope } from "./token-request/default-scope";
import { graphDefaultScopeFor } from "./token-request/graph-resources";
import type { EndpointVersion } from "./assertion/token-endpoint";

/**
 * Ready-to-paste snippets filled with the page's values. Pure string building: every value that
 * goes into code is escaped for that language, so a tenant or subject cannot break the snippet.
 */
export interface RecipeInputs {
  certificate: Pick<CertificateDetails, "subject" | "notBefore" | "notAfter" | "thumbprints">;
  certificateDer: Uint8Array;
  tenant: string;
  clientId: string;
  /** The authority origin, e.g. https://login.microsoftonline.com. */
  authorityOrigin: string;
  tokenEndpoint: string;
  scope: string;
  /** keyId for the keyCredentials entry (a GUID); fixed by the caller so the snippet is stable. */
  keyId: string;
  /** The cloud chosen in the settings: Azure Identity's authority host and `az cloud set` follow it. */
  cloud: Cloud;
  /** "Include the certificate (x5c)": the recipes then send the certificate chain. */
  includeX5c: boolean;
  /** The assertion form chosen in the settings: MSAL Node's thumbprint property follows it. */
  form: AssertionForm;
  /** The token endpoint version: v1 takes `resource`, v2.0 `scope`. Defaults to v2.0. */
  version?: EndpointVersion;
}

export interface Recipe {
  id: string;
  group: RecipeGroup;
  title: string;
  language: "python" | "javascript" | "csharp" | "shell" | "json";
  description: string;
  code: string;
}

const placeholder = (value: string, fallback: string) => (value.trim() === "" ? fallback : value.trim());

/** A string literal valid in Python, JavaScript, C# and JSON alike (JSON escaping is a subset of all four). */
const literal = (value: string) => JSON.stringify(value);

/** The Graph / manifest `keyCredentials` entry for this certificate (Microsoft Graph keyCredential resource). */
export function keyCredentialEntry(inputs: RecipeInputs): Record<string, string> {
  return {
    customKeyIdentifier: bytesToBase64(hexToBytes(inputs.certificate.thumbprints.sha1Hex)),
    displayName: inputs.certificate.subject,
    endDateTime: inputs.certificate.notAfter,
    key: bytesToBase64(inputs.certificateDer),
    keyId: inputs.keyId,
    startDateTime: inputs.certificate.notBefore,
    type: "AsymmetricX509Cert",
    usage: "Verify",
  };
}

/** Which part of the panel a recipe belongs to. */
export type RecipeGroup = "code" | "upload" | "check";

export const RECIPE_GROUPS: readonly { id: RecipeGroup; title: string; description: string }[] = [
  { id: "code", title: "Use it in code", description: "MSAL for Python, Node and .NET, and Azure Identity." },
  { id: "upload", title: "Upload it and sign in", description: "The Azure CLI and the keyCredentials entry for Microsoft Graph or the manifest." },
  { id: "check", title: "Check it", description: "The token request with curl, and OpenSSL checks of the downloaded files." },
];

/** `az cloud set` names (Azure CLI "Azure cloud management"). */
const AZ_CLOUD_NAMES: Readonly<Record<Exclude<Cloud, "custom">, string>> = {
  public: "AzureCloud",
  usgov: "AzureUSGovernment",
  china: "AzureChinaCloud",
};

/** Azure Identity's AzureAuthorityHosts members, Python and JavaScript spellings. */
const AUTHORITY_HOST_CONSTANTS: Readonly<Record<"usgov" | "china", { python: string; javascript: string }>> = {
  usgov: { python: "AZURE_GOVERNMENT", javascript: "AzureGovernment" },
  china: { python: "AZURE_CHINA", javascript: "AzureChina" },
};

const FORM_NAMES: Readonly<Record<AssertionForm, string>> = {
  "RS256-x5t": "RS256 with an x5t (SHA-1) header",
  "PS256-x5t#S256": "PS256 with an x5t#S256 (SHA-256) header",
};

const SNI_NOTE =
  "It also sends the certificate (x5c): needed when the app trusts certificates by subject name and issuer (SNI), not when this certificate is uploaded to the app.";

/** Lines that switch the Azure CLI to the chosen cloud (nothing for the public cloud, which is the default). */
function azCloudLines(cloud: Cloud): string[] {
  if (cloud === "public") return [];
  if (cloud === "custom") return ["# A custom authority: register it with az cloud register, then az cloud set --name <that name>"];
  return [`az cloud set --name ${AZ_CLOUD_NAMES[cloud]}`];
}

function cloudSentence(cloud: Cloud): string {
  if (cloud === "usgov") return " For Azure US Government.";
  if (cloud === "china") return " For Azure China (21Vianet).";
  if (cloud === "custom") return " For the custom authority host.";
  return "";
}

export function buildRecipes(inputs: RecipeInputs): Recipe[] {
  const tenant = placeholder(inputs.tenant, "<tenant id>");
  const clientId = placeholder(inputs.clientId, "<application (client) id>");
  const authority = `${inputs.authorityOrigin}/${tenant}`;
  const { sha1Hex, sha256Hex } = inputs.certificate.thumbprints;
  const { cloud, includeX5c, form } = inputs;
  // MSAL and Azure Identity always use the v2.0 endpoint: they need the resource's /.default scope,
  // even when the field holds a bare resource for the v1 endpoint.
  const typedScope = inputs.scope.trim();
  const scope = typedScope === "" ? (graphDefaultScopeFor(cloud) ?? "https://graph.microsoft.com/.default") : toDefaultScope(typedScope);
  const custom = cloud === "custom";
  const inCloud = cloudSentence(cloud);
  const sni = includeX5c ? ` ${SNI_NOTE}` : "";
  const authorityHost = custom ? inputs.authorityOrigin.replace(/^https:\/\//i, "") : "";
  const sovereign = cloud === "usgov" || cloud === "china" ? AUTHORITY_HOST_CONSTANTS[cloud] : undefined;
  const nodeUsesSha256 = form === "PS256-x5t#S256";
  const pythonAuthority = sovereign ? `AzureAuthorityHosts.${sovereign.python}` : custom ? literal(inputs.authorityOrigin) : undefined;
  const javascriptAuthority = sovereign ? `AzureAuthorityHosts.${sovereign.javascript}` : custom ? literal(inputs.authorityOrigin) : undefined;
  const javascriptOptions = [
    ...(javascriptAuthority ? [`authorityHost: ${javascriptAuthority}`] : []),
    ...(includeX5c ? ["sendCertificateChain: true"] : []),
  ];
  /** An MSAL Python app for client credentials, given the lines of its client_credential dict. */
  const msalPython = (credentialLines: string[]): string =>
    [
      "import msal",
      "",
      "app = msal.ConfidentialClientApplication(",
      `    ${literal(clientId)},`,
      `    authority=${literal(authority)},`,
      "    client_credential={",
      ...credentialLines.map((line) => `        ${line}`),
      "    },",
      ...(custom ? ["    validate_authority=False,"] : []),
      ")",
      `result = app.acquire_token_for_client(scopes=[${literal(scope)}])`,
      `print(result.get("access_token") or result)`,
    ].join("\n");

  return [
    {
      id: "msal-python",
      group: "code",
      title: "MSAL Python (thumbprint + PEM key)",
      language: "python",
      description:
        `Thumbprint and PEM key, as in MSAL Python's documentation. Signs ${FORM_NAMES["RS256-x5t"]}` +
        (form === "RS256-x5t" ? ", the form chosen above." : " whatever the form chosen above; for PS256 use the PFX recipe below.") +
        inCloud +
        sni,
      code: msalPython([
        `"thumbprint": ${literal(sha1Hex)},`,
        `"private_key": open("server.pem").read(),`,
        ...(includeX5c ? [`"public_certificate": open("server.crt").read(),`] : []),
      ]),
    },
    {
      id: "msal-python-pfx",
      group: "code",
      title: "MSAL Python (PFX, MSAL ≥ 1.29)",
      language: "python",
      description: `With a PFX (Certificate panel → server.pfx) MSAL Python signs ${FORM_NAMES["PS256-x5t#S256"]}.${inCloud}${sni}`,
      code: msalPython([
        `"private_key_pfx_path": "server.pfx",`,
        `"passphrase": "<the PFX password>",`,
        ...(includeX5c ? [`"public_certificate": True,`] : []),
      ]),
    },
    {
      id: "msal-node",
      group: "code",
      title: "MSAL Node",
      language: "javascript",
      description:
        (nodeUsesSha256
          ? `thumbprintSha256 makes MSAL Node sign ${FORM_NAMES["PS256-x5t#S256"]}, the form chosen above.`
          : `thumbprint (SHA-1, deprecated in MSAL Node but still accepted) makes MSAL Node sign ${FORM_NAMES["RS256-x5t"]}, the form chosen above; choose PS256 to get thumbprintSha256.`) +
        " The key must be unencrypted PKCS#8 (server.pem)." +
        (includeX5c ? " x5c takes the certificate chain as PEM (server.crt)." : "") +
        inCloud +
        sni,
      code: [
        'import { readFileSync } from "node:fs";',
        'import { ConfidentialClientApplication } from "@azure/msal-node";',
        "",
        "const app = new ConfidentialClientApplication({",
        "  auth: {",
        `    clientId: ${literal(clientId)},`,
        `    authority: ${literal(authority)},`,
        ...(custom ? [`    knownAuthorities: [${literal(authorityHost)}],`] : []),
        "    clientCertificate: {",
        nodeUsesSha256 ? `      thumbprintSha256: ${literal(sha256Hex)},` : `      thumbprint: ${literal(sha1Hex)},`,
        `      privateKey: readFileSync("server.pem", "utf8"),`,
        ...(includeX5c ? [`      x5c: readFileSync("server.crt", "utf8"),`] : []),
        "    },",
        "  },",
        "});",
        `const result = await app.acquireTokenByClientCredential({ scopes: [${literal(scope)}] });`,
        "console.log(result?.accessToken);",
      ].join("\n"),
    },
    {
      id: "msal-dotnet",
      group: "code",
      title: "MSAL.NET",
      language: "csharp",
      description: `Loads the PFX (Certificate panel → server.pfx). MSAL.NET 4.61 and later sign ${FORM_NAMES["PS256-x5t#S256"]} whatever the form chosen above.${inCloud}${sni}`,
      code: [
        "using System.Security.Cryptography.X509Certificates;",
        "using Microsoft.Identity.Client;",
        "",
        'var certificate = X509CertificateLoader.LoadPkcs12FromFile("server.pfx", "<the PFX password>");',
        `var app = ConfidentialClientApplicationBuilder.Create(${literal(clientId)})`,
        `    .WithAuthority(${literal(authority)})`,
        includeX5c ? "    .WithCertificate(certificate, sendX5C: true)" : "    .WithCertificate(certificate)",
        "    .Build();",
        `var result = await app.AcquireTokenForClient(new[] { ${literal(scope)} }).ExecuteAsync();`,
      ].join("\n"),
    },
    {
      id: "azure-identity-python",
      group: "code",
      title: "Azure Identity for Python (CertificateCredential)",
      language: "python",
      description: `Takes a PEM holding the key and the certificate (Certificate panel → server-with-key.pem) and signs ${FORM_NAMES["RS256-x5t"]}.${inCloud}${sni}`,
      code: [
        sovereign ? "from azure.identity import AzureAuthorityHosts, CertificateCredential" : "from azure.identity import CertificateCredential",
        "",
        "credential = CertificateCredential(",
        `    ${literal(tenant)},`,
        `    ${literal(clientId)},`,
        `    certificate_path="server-with-key.pem",`,
        ...(pythonAuthority ? [`    authority=${pythonAuthority},`] : []),
        ...(includeX5c ? ["    send_certificate_chain=True,"] : []),
        ")",
        `token = credential.get_token(${literal(scope)})`,
      ].join("\n"),
    },
    {
      id: "azure-identity-js",
      group: "code",
      title: "Azure Identity for JavaScript (ClientCertificateCredential)",
      language: "javascript",
      description: `Takes a PEM holding the key and the certificate (Certificate panel → server-with-key.pem); recent versions hand MSAL Node the SHA-256 thumbprint, so it signs ${FORM_NAMES["PS256-x5t#S256"]}.${inCloud}${sni}`,
      code: [
        sovereign
          ? 'import { AzureAuthorityHosts, ClientCertificateCredential } from "@azure/identity";'
          : 'import { ClientCertificateCredential } from "@azure/identity";',
        "",
        "const credential = new ClientCertificateCredential(",
        `  ${literal(tenant)},`,
        `  ${literal(clientId)},`,
        '  { certificatePath: "server-with-key.pem" },',
        ...(javascriptOptions.length > 0 ? [`  { ${javascriptOptions.join(", ")} },`] : []),
        ");",
        `const token = await credential.getToken(${literal(scope)});`,
      ].join("\n"),
    },
    {
      id: "az-cli",
      group: "upload",
      title: "Upload with the Azure CLI",
      language: "shell",
      description: `--append keeps the app's other credentials; without it they are all removed.${inCloud}`,
      code: [...azCloudLines(cloud), `az ad app credential reset --id ${shellQuote(clientId)} --cert "@server.crt" --append`].join("\n"),
    },
    {
      id: "az-login",
      group: "upload",
      title: "Sign in to the Azure CLI as the app",
      language: "shell",
      description:
        "Uses the PEM holding the key and the certificate (Certificate panel → server-with-key.pem). Azure CLI versions without --certificate take the file as --password (-p)." +
        (includeX5c ? " --use-cert-sn-issuer sends the certificate for subject name and issuer (SNI) trust." : "") +
        inCloud,
      code: [
        ...azCloudLines(cloud),
        `az login --service-principal --username ${shellQuote(clientId)} --tenant ${shellQuote(tenant)} --certificate server-with-key.pem${includeX5c ? " --use-cert-sn-issuer" : ""}`,
      ].join("\n"),
    },
    {
      id: "keycredentials",
      group: "upload",
      title: "Application manifest / Microsoft Graph keyCredentials entry",
      language: "json",
      description: "PATCH replaces the whole keyCredentials list: include the entries you want to keep.",
      code: JSON.stringify(keyCredentialEntry(inputs), null, 2),
    },
    {
      id: "curl",
      group: "check",
      title: "The token request with curl",
      language: "shell",
      description: "Paste a fresh assertion from the Assertion panel (it expires in minutes); the Token panel sends the same request for you.",
      code: curlCommandFor({
        tokenEndpoint: inputs.tokenEndpoint,
        form: buildClientCredentialsForm({ clientId, scope, clientAssertion: "<paste the client assertion>", version: inputs.version }),
        revealAssertion: true,
      }),
    },
    {
      id: "openssl-checks",
      group: "check",
      title: "Check the files with OpenSSL",
      language: "shell",
      description: "Each line checks one downloaded file; the fingerprint must equal the thumbprint above.",
      code: [
        "openssl x509 -in server.crt -noout -subject -dates -fingerprint -sha1",
        "openssl x509 -in server.crt -noout -pubkey | diff - <(openssl pkey -in server.pem -pubout) && echo 'key matches certificate'",
        "openssl req -in server.csr -noout -verify",
        "openssl x509 -in server.cer -inform DER -noout -fingerprint -sha1",
        "openssl pkcs12 -in server.pfx -info -noout   # add -legacy for the Windows-compatible PFX",
        "openssl pkey -in server-encrypted.pem -noout -check",
      ].join("\n"),
    },
  ];
}

/** Formats a Date as an iCalendar UTC DATE-TIME (RFC 5545 §3.3.5). */
function icsDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then one space before each continuation. */
function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = "";
  for (const character of line) {
    const limit = pieces.length === 0 ? 75 : 74;
    if (encoder.encode(current + character).length > limit) {
      pieces.push(current);
      current = "";
    }
    current += character;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

/**
 * A calendar reminder to rotate the credential `daysBefore` days ahead of notAfter (RFC 5545),
 * with CRLF line endings as the RFC requires.
 */
export function rotationReminderIcs(options: { subject: string; thumbprint: string; notAfter: string; daysBefore: number; uid: string; now?: Date }): string {
  const notAfter = new Date(options.notAfter);
  const reminder = new Date(notAfter.getTime() - options.daysBefore * 86_400_000);
  const start = new Date(Math.max(reminder.getTime(), (options.now ?? new Date()).getTime()));
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Credential Workbench//EN",
    "BEGIN:VEVENT",
    `UID:${options.uid}`,
    `DTSTAMP:${icsDateTime(options.now ?? new Date())}`,
    `DTSTART:${icsDateTime(start)}`,
    `DTEND:${icsDateTime(new Date(start.getTime() + 30 * 60_000))}`,
    `SUMMARY:${icsText(`Rotate Entra certificate ${options.subject}`)}`,
    `DESCRIPTION:${icsText(`The certificate ${options.subject} (thumbprint ${options.thumbprint}) expires ${notAfter.toISOString()}. Upload a new one with --append before then, switch the app to it, then remove the old one.`)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ]
    .map(foldIcsLine)
    .join("\r\n") + "\r\n";
}

/**
 * A stable GUID for the keyCredentials entry, derived from the certificate's SHA-1 thumbprint
 * (formatted as an RFC 9562 version-8 "custom" UUID) so the snippet does not change on every render.
 */
export function keyIdFromThumbprint(sha1Hex: string): string {
  const hex = sha1Hex.toLowerCase().padEnd(32, "0").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const text = hex.join("");
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20, 32)}`;
}
