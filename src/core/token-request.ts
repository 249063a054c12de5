/**
 * The client-credentials token request (RFC 6749 §4.4.2) with a JWT-bearer client assertion
 * (RFC 7523 §2.2), as Entra's token endpoint takes it (entra-facts.md, "The token request").
 */

/** RFC 7523 §2.2. */
export const JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export interface ClientCredentialsForm {
  grant_type: "client_credentials";
  client_id: string;
  scope: string;
  client_assertion_type: typeof JWT_BEARER_ASSERTION_TYPE;
  client_assertion: string;
}

/**
 * A scope for the client-credentials grant is one resource's `/.default` (AADSTS70011 otherwise).
 * Returns a message when the scope will be refused.
 */
export function validateScope(scope: string): string | undefined {
  const text = scope.trim();
  if (text === "") return "Enter a scope such as https://graph.microsoft.com/.default.";
  if (/\s/.test(text)) return "Client credentials take one scope, the resource's /.default (e.g. https://graph.microsoft.com/.default), not a list.";
  if (!text.endsWith("/.default")) {
    return `"${text}" does not end in /.default: the client-credentials grant asks for all the app's roles on one resource, e.g. https://graph.microsoft.com/.default (AADSTS70011 otherwise).`;
  }
  return undefined;
}

export function buildClientCredentialsForm(options: { clientId: string; scope: string; clientAssertion: string }): ClientCredentialsForm {
  return {
    grant_type: "client_credentials",
    client_id: options.clientId.trim(),
    scope: options.scope.trim(),
    client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
    client_assertion: options.clientAssertion,
  };
}

/** Quotes a value for a POSIX shell: single quotes, with embedded single quotes closed and escaped. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The same request as a `curl` command. The assertion is a bearer credential for its lifetime,
 * so it is replaced by a placeholder unless the user asked to reveal it.
 */
export function curlCommandFor(options: { tokenEndpoint: string; form: ClientCredentialsForm; revealAssertion: boolean }): string {
  const { form } = options;
  const assertion = options.revealAssertion ? form.client_assertion : "<client assertion: press Reveal to include it>";
  const fields: [string, string][] = [
    ["grant_type", form.grant_type],
    ["client_id", form.client_id],
    ["scope", form.scope],
    ["client_assertion_type", form.client_assertion_type],
    ["client_assertion", assertion],
  ];
  return [
    `curl -sS -X POST ${shellQuote(options.tokenEndpoint)}`,
    `  -H 'Content-Type: application/x-www-form-urlencoded'`,
    ...fields.map(([name, value]) => `  --data-urlencode ${shellQuote(`${name}=${value}`)}`),
  ].join(" \\\n");
}
