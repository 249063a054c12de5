import { bytesToBase64, hexToBytes } from "./encoding";
import type { CertificateDetails } from "./certificate";
import { buildClientCredentialsForm, curlCommandFor } from "./token-request";

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
}

export interface Recipe {
  id: string;
  title: string;
  language: "python" | "javascript" | "csharp" | "shell" | "json";
  description: string;
  code: string;
}

const placeholder = (value: string, fallback: string) => (value.trim() === "" ? fallback : value.trim());

/** A string literal valid in Python, JavaScript, C# and JSON alike (JSON escaping is a subset of all four). */
const literal = (value: string) => JSON.stringify(value);

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

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

export function buildRecipes(inputs: RecipeInputs): Recipe[] {
  const tenant = placeholder(inputs.tenant, "<tenant id>");
  const clientId = placeholder(inputs.clientId, "<application (client) id>");
  const authority = `${inputs.authorityOrigin}/${tenant}`;
  const scope = inputs.scope.trim() || "https://graph.microsoft.com/.default";
  const { sha1Hex, sha256Hex } = inputs.certificate.thumbprints;
  return [
    {
      id: "msal-python",
      title: "MSAL Python (thumbprint + private key)",
      language: "python",
      description: "The seed recipe's client_credential: RS256 with an x5t header.",
      code: [
        "import msal",
        "",
        "app = msal.ConfidentialClientApplication(",
        `    ${literal(clientId)},`,
        `    authority=${literal(authority)},`,
        "    client_credential={",
        `        "thumbprint": ${literal(sha1Hex)},`,
        `        "private_key": open("server.pem").read(),`,
        "    },",
        ")",
        `result = app.acquire_token_for_client(scopes=[${literal(scope)}])`,
        `print(result.get("access_token") or result)`,
      ].join("\n"),
    },
    {
      id: "msal-python-pfx",
      title: "MSAL Python (PFX, MSAL ≥ 1.29)",
      language: "python",
      description: "With a PFX MSAL Python signs PS256 with an x5t#S256 header.",
      code: [
        "import msal",
        "",
        "app = msal.ConfidentialClientApplication(",
        `    ${literal(clientId)},`,
        `    authority=${literal(authority)},`,
        `    client_credential={"private_key_pfx_path": "server.pfx", "passphrase": "<the PFX password>"},`,
        ")",
        `result = app.acquire_token_for_client(scopes=[${literal(scope)}])`,
      ].join("\n"),
    },
    {
      id: "msal-node",
      title: "MSAL Node",
      language: "javascript",
      description: "thumbprintSha256 makes MSAL Node sign PS256 with x5t#S256; the key must be unencrypted PKCS#8 (server.pem).",
      code: [
        'import { readFileSync } from "node:fs";',
        'import { ConfidentialClientApplication } from "@azure/msal-node";',
        "",
        "const app = new ConfidentialClientApplication({",
        "  auth: {",
        `    clientId: ${literal(clientId)},`,
        `    authority: ${literal(authority)},`,
        "    clientCertificate: {",
        `      thumbprintSha256: ${literal(sha256Hex)},`,
        `      privateKey: readFileSync("server.pem", "utf8"),`,
        "    },",
        "  },",
        "});",
        `const result = await app.acquireTokenByClientCredential({ scopes: [${literal(scope)}] });`,
        "console.log(result?.accessToken);",
      ].join("\n"),
    },
    {
      id: "msal-dotnet",
      title: "MSAL.NET",
      language: "csharp",
      description: "Loads the PFX (download server.pfx below) and signs PS256 with x5t#S256.",
      code: [
        "using System.Security.Cryptography.X509Certificates;",
        "using Microsoft.Identity.Client;",
        "",
        'var certificate = X509CertificateLoader.LoadPkcs12FromFile("server.pfx", "<the PFX password>");',
        `var app = ConfidentialClientApplicationBuilder.Create(${literal(clientId)})`,
        `    .WithAuthority(${literal(authority)})`,
        "    .WithCertificate(certificate)",
        "    .Build();",
        `var result = await app.AcquireTokenForClient(new[] { ${literal(scope)} }).ExecuteAsync();`,
      ].join("\n"),
    },
    {
      id: "azure-identity-python",
      title: "Azure Identity for Python (CertificateCredential)",
      language: "python",
      description: "Takes a PEM holding the key and the certificate: server-with-key.pem.",
      code: [
        "from azure.identity import CertificateCredential",
        "",
        `credential = CertificateCredential(${literal(tenant)}, ${literal(clientId)}, certificate_path="server-with-key.pem")`,
        `token = credential.get_token(${literal(scope)})`,
      ].join("\n"),
    },
    {
      id: "azure-identity-js",
      title: "Azure Identity for JavaScript (ClientCertificateCredential)",
      language: "javascript",
      description: "Takes a PEM holding the key and the certificate: server-with-key.pem.",
      code: [
        'import { ClientCertificateCredential } from "@azure/identity";',
        "",
        `const credential = new ClientCertificateCredential(${literal(tenant)}, ${literal(clientId)}, { certificatePath: "server-with-key.pem" });`,
        `const token = await credential.getToken(${literal(scope)});`,
      ].join("\n"),
    },
    {
      id: "az-cli",
      title: "Upload with the Azure CLI",
      language: "shell",
      description: "--append keeps the app's other credentials; without it they are all removed.",
      code: `az ad app credential reset --id ${shellQuote(clientId)} --cert "@server.crt" --append`,
    },
    {
      id: "keycredentials",
      title: "Application manifest / Microsoft Graph keyCredentials entry",
      language: "json",
      description: "PATCH replaces the whole keyCredentials list: include the entries you want to keep.",
      code: JSON.stringify(keyCredentialEntry(inputs), null, 2),
    },
    {
      id: "curl",
      title: "The token request with curl",
      language: "shell",
      description: "Paste a fresh assertion from the Assertion panel (it expires in minutes); the Token panel sends the same request for you.",
      code: curlCommandFor({
        tokenEndpoint: inputs.tokenEndpoint,
        form: buildClientCredentialsForm({ clientId, scope, clientAssertion: "<paste the client assertion>" }),
        revealAssertion: true,
      }),
    },
    {
      id: "openssl-checks",
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
