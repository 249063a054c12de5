/** MSAL for Python, Node and .NET: a confidential client signing in with the certificate (client credentials). */
import { msalNodeApp, msalPythonApp } from "./msal-app";
import { FORM_NAMES, literal, type Recipe, type RecipeContext } from "./recipe";

/** An MSAL Python app for client credentials, given the lines of its client_credential dict. */
function msalPython(context: RecipeContext, credentialLines: string[]): string {
  const { clientId, authority, scope, custom } = context;
  return msalPythonApp({
    clientId,
    authority,
    scope,
    clientCredential: ["{", ...credentialLines.map((line) => `    ${line}`), "},"],
    customAuthority: custom,
  });
}

/** The client_credential lines that name the PEM key; the certificate file goes with it as public_certificate. */
const PEM_KEY_LINE = `"private_key": open("server.pem").read(),`;
const PEM_CERTIFICATE_LINE = `"public_certificate": open("server.crt").read(),`;

/**
 * MSAL Python given only the key and the certificate, no thumbprint: from 1.34 it works the SHA-256
 * thumbprint out of public_certificate and signs PS256 with x5t#S256, sending the certificate as x5c too
 * (AzureAD/microsoft-authentication-library-for-python PR #835, "Thumbprint for certificate made optional").
 * Step 3 offers it as a library; the recipes panel does not, so it is not in `msalRecipes`.
 */
export function msalPythonPublicCertificateRecipe(context: RecipeContext): Recipe {
  return {
    id: "msal-python-public-certificate",
    group: "code",
    title: "MSAL Python (public_certificate, no thumbprint; MSAL ≥ 1.34)",
    language: "python",
    description:
      "MSAL Python 1.34 and later work out the thumbprint from server.crt and sign PS256 with x5t#S256, sending the certificate as x5c as well. Requires msal>=1.34; older versions ask for a thumbprint.",
    code: msalPython(context, [PEM_KEY_LINE, PEM_CERTIFICATE_LINE]),
  };
}

export function msalRecipes(context: RecipeContext): Recipe[] {
  const { clientId, authority, scope, custom, authorityHost, inCloud, sni } = context;
  const { includeX5c, form } = context.inputs;
  const { sha1Hex, sha256Hex } = context.inputs.certificate.thumbprints;
  const nodeUsesSha256 = form === "PS256-x5t#S256";
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
      code: msalPython(context, [
        `"thumbprint": ${literal(sha1Hex)},`,
        PEM_KEY_LINE,
        ...(includeX5c ? [PEM_CERTIFICATE_LINE] : []),
      ]),
    },
    {
      id: "msal-python-pfx",
      group: "code",
      title: "MSAL Python (PFX, MSAL ≥ 1.29)",
      language: "python",
      description: `With a PFX (Certificate panel → server.pfx) MSAL Python signs ${FORM_NAMES["PS256-x5t#S256"]}.${inCloud}${sni}`,
      code: msalPython(context, [
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
      code: msalNodeApp({
        imports: ['import { readFileSync } from "node:fs";'],
        clientId,
        authority,
        scope,
        knownAuthority: custom ? authorityHost : undefined,
        credentialLines: [
          "clientCertificate: {",
          nodeUsesSha256 ? `  thumbprintSha256: ${literal(sha256Hex)},` : `  thumbprint: ${literal(sha1Hex)},`,
          `  privateKey: readFileSync("server.pem", "utf8"),`,
          ...(includeX5c ? [`  x5c: readFileSync("server.crt", "utf8"),`] : []),
          "},",
        ],
      }),
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
  ];
}
