/**
 * Entra (AADSTS) error codes users meet with certificate credentials and the client credentials
 * grant, with the fix and the page field to change. Sources: Microsoft Entra "authentication and
 * authorization error codes" (https://learn.microsoft.com/entra/identity-platform/reference-error-codes); docs/entra.md, "AADSTS codes".
 */

/** The control on the page where a fix is made; undefined when the fix is elsewhere (the portal, the request). */
export type ErrorField = "assertion-form" | "certificate" | "clock" | "client-id" | "tenant" | "cloud" | "scope" | "proxy" | "app-registration" | "client-secret" | "federated" | undefined;

export interface AadstsExplanation {
  /** The number after "AADSTS". */
  code: number;
  meaning: string;
  fix: string;
  field: ErrorField;
}

type Entry = [meaning: string, fix: string, field: ErrorField];

/** Code → [meaning, fix, field]. */
const AADSTS_TABLE: Readonly<Record<number, Entry>> = {
  700027: ["The client assertion failed signature validation: Entra did not find a key for its thumbprint, or the signature does not match.", "Upload this certificate to this app registration, and check the thumbprint header and the alg pairing (RS256 + x5t or PS256 + x5t#S256; never a SHA-256 digest in x5t).", "certificate"],
  700024: ["The client assertion (the signed assertion or the federated token) is not within its valid time range (nbf/exp).", "Set the clock to the correct time (UTC) and sign a fresh assertion: nbf ≤ now < exp. A federated token expires quickly (GitHub's in minutes): get a fresh one from the workload.", "clock"],
  50012: ["Authentication failed: the assertion's signature is invalid or its certificate is not authorized for this app.", "As for AADSTS700027: the certificate uploaded to this app, the matching thumbprint header and alg.", "certificate"],
  50013: ["The assertion is invalid: Entra found the certificate but the signature does not verify with it.", "The private key and the certificate do not match: sign with the key that was created with the uploaded certificate.", "certificate"],
  50048: ["The subject (sub) does not match the issuer (iss) in the client assertion.", "Set both iss and sub to the Application (client) ID.", "client-id"],
  50032: ["The RSA key is shorter than the 2048-bit minimum.", "Generate a new key of 2048 bits or more and upload its certificate.", "certificate"],
  5002730: ["The key is not supported for the assertion's signing algorithm.", "Fall back to the classic form: RS256 with x5t.", "assertion-form"],
  7000213: ["The certificate chain in x5c is invalid.", "Send only the leaf certificate in x5c, or leave x5c out.", "certificate"],
  700016: ["The application (client ID) was not found in this tenant.", "Check the client ID, the tenant and the cloud: the app must be registered (or consented) in that tenant of that cloud.", "client-id"],
  90002: ["The tenant was not found: it does not exist in this cloud or has no active subscription.", "Check the tenant ID or domain, and that the cloud (public, US Government, China) is the tenant's.", "tenant"],
  900023: ["The tenant identifier is neither a GUID nor a valid domain name.", "Enter the Directory (tenant) ID or a verified domain such as contoso.onmicrosoft.com.", "tenant"],
  50059: ["No tenant-identifying information was found in the request (e.g. /common with the client credentials grant).", "Use the tenant ID or a verified domain in the token endpoint, not common or organizations.", "tenant"],
  500011: ["The resource principal named in the scope was not found in the tenant.", "Check the resource's App ID URI in the scope, and that the API is provisioned (consented) in this tenant.", "scope"],
  70011: ["The scope is invalid.", "The client credentials grant takes one resource with /.default, e.g. https://graph.microsoft.com/.default.", "scope"],
  1002012: ["The scope is not valid for the client credentials grant.", "Use {resource App ID URI}/.default, e.g. https://graph.microsoft.com/.default; openid, profile and named scopes do not apply.", "scope"],
  500001: ["The resource was not found or is disabled.", "Check the resource in the scope.", "scope"],
  7000218: ["The request has neither client_assertion nor client_secret.", "Send client_assertion_type and client_assertion in the form body; a proxy must forward the body unchanged.", "proxy"],
  90014: ["A required field is missing from the request (e.g. client_assertion_type or grant_type).", "Send grant_type, client_id, scope, client_assertion_type and client_assertion; a proxy must forward the body unchanged.", "proxy"],
  700025: ["The app is a public client, so it must not present a credential.", "In the app registration's Authentication blade, set \"Allow public client flows\" to No.", "app-registration"],
  // Client secrets: Azure SDK "Troubleshoot ClientSecretCredential"
  // (https://learn.microsoft.com/azure/developer/java/sdk/troubleshooting-authentication-service-principal).
  7000215: ["An invalid client secret was provided: Entra's message adds \"ensure the secret being sent is the client secret value, not the client secret ID\".", "Copy the secret's Value from Certificates & secrets (shown only when the secret is added), not its Secret ID; if the value is lost, add a new secret. For a certificate credential send client_assertion instead.", "client-secret"],
  7000222: ["The client secret has expired.", "Add a new client secret under Certificates & secrets and use its Value (or move to a certificate or a federated credential).", "client-secret"],
  // Federated (workload identity) credentials: the external token is checked against the app's
  // federated identity credentials — issuer, subject and audience must match exactly
  // (https://learn.microsoft.com/entra/workload-id/workload-identity-federation, "How it works";
  // https://learn.microsoft.com/graph/api/resources/federatedidentitycredential). 700211/700212/700213
  // name which of the three did not match; 7002138 (subject differing only in case) and 7000272
  // (signing key not found at the issuer) are the codes the issue names (not verified against a
  // Microsoft page here).
  700211: ["No federated identity credential on this app has the token's issuer (iss).", "Set the federated credential's issuer to the token's iss exactly (same scheme, host, path and trailing slash).", "federated"],
  700212: ["No federated identity credential on this app has an audience that is in the token's aud.", "Make the workload request its token for api://AzureADTokenExchange (or put the token's aud in the credential's audiences).", "federated"],
  700213: ["No federated identity credential on this app has the token's subject (sub).", "Set the federated credential's subject to the token's sub exactly; for GitHub Actions it depends on branch, tag, environment or pull request.", "federated"],
  7002138: ["The token's subject matches a federated credential's subject only when case is ignored: the comparison is case-sensitive.", "Copy the token's sub into the federated credential's subject with its exact capitals (GitHub keeps the repository's own capitalisation).", "federated"],
  7000272: ["Entra did not find the key that signed the external token (its kid) at the issuer's published keys (JWKS).", "Check that the issuer publishes its OpenID configuration and JWKS on the public internet, and that the token is fresh (keys rotate).", "federated"],
  70021: ["No federated identity credential on this app matches the token's issuer, subject and audience together.", "Compare the token's iss, sub and aud with the app's federated credentials; each must match exactly.", "federated"],
  7000112: ["The application is disabled.", "Enable the service principal (Enterprise applications → Properties → Enabled for users to sign in).", "app-registration"],
  53003: ["Access was blocked by a Conditional Access policy.", "Ask an administrator to review the Conditional Access policies for workload identities.", undefined],
  9002326: ["Cross-origin token redemption is permitted only for the Single-Page Application client type: the request carried an Origin header.", "Send the request through the workbench's proxy, which drops Origin and Referer.", "proxy"],
};

/** The explanation for one AADSTS code, or undefined when the table does not know it. */
export function explainAadstsCode(code: number): AadstsExplanation | undefined {
  const entry = AADSTS_TABLE[code];
  if (!entry) return undefined;
  const [meaning, fix, field] = entry;
  return { code, meaning, fix, field };
}

function readErrorCode(body: unknown): { code: number; description?: string } | undefined {
  if (typeof body === "string") {
    try {
      return readErrorCode(JSON.parse(body));
    } catch {
      const match = /AADSTS(\d+)/.exec(body);
      return match ? { code: Number(match[1]) } : undefined;
    }
  }
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const description = typeof record.error_description === "string" ? record.error_description : undefined;
  const codes = record.error_codes;
  const first: unknown = Array.isArray(codes) ? codes[0] : undefined;
  if (typeof first === "number" && Number.isInteger(first)) return { code: first, description };
  const match = description ? /AADSTS(\d+)/.exec(description) : null;
  return match ? { code: Number(match[1]), description } : undefined;
}

/**
 * Explains an Entra token endpoint error body (`{"error", "error_description": "AADSTS…", "error_codes": […]}`,
 * OAuth 2.0 error response, RFC 6749 §5.2): reads `error_codes[0]`, else "AADSTSnnnn" in the description.
 * A code the table does not know gets a pointer to Microsoft's lookup page; no code at all gives undefined.
 *
 * @example explainTokenError({ error: "invalid_client", error_codes: [700027] })?.field // "certificate"
 */
export function explainTokenError(body: unknown): AadstsExplanation | undefined {
  const found = readErrorCode(body);
  if (!found) return undefined;
  const known = explainAadstsCode(found.code);
  if (known) return known;
  const sentence = found.description?.replace(/^AADSTS\d+:\s*/, "").split(/\r?\n/)[0]?.trim();
  return {
    code: found.code,
    meaning: sentence || `Entra returned AADSTS${String(found.code)}.`,
    fix: `Look the code up at https://login.microsoftonline.com/error?code=${String(found.code)}.`,
    field: undefined,
  };
}
