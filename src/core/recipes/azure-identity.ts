/** Azure Identity for Python and JavaScript: CertificateCredential with the key-and-certificate PEM. */
import { FORM_NAMES, literal, type Recipe, type RecipeContext } from "./recipe";

export function azureIdentityRecipes(context: RecipeContext): Recipe[] {
  const { tenant, clientId, scope, custom, sovereign, inCloud, sni } = context;
  const { includeX5c, authorityOrigin } = context.inputs;
  const pythonAuthority = sovereign ? `AzureAuthorityHosts.${sovereign.python}` : custom ? literal(authorityOrigin) : undefined;
  const javascriptAuthority = sovereign ? `AzureAuthorityHosts.${sovereign.javascript}` : custom ? literal(authorityOrigin) : undefined;
  const javascriptOptions = [
    ...(javascriptAuthority ? [`authorityHost: ${javascriptAuthority}`] : []),
    ...(includeX5c ? ["sendCertificateChain: true"] : []),
  ];
  return [
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
  ];
}
