/**
 * The client-credentials token request (RFC 6749 §4.4.2) with a JWT-bearer client assertion
 * (RFC 7523 §2.2), as the page builds it. Field names, order and fixed values are Entra facts the
 * proxy shares (src/entra/token-form.ts).
 *
 * The v2.0 endpoint (`/oauth2/v2.0/token`) takes `scope` = `{resource}/.default`; the v1 endpoint
 * (`/oauth2/token`) takes `resource` = the App ID URI itself (Azure AD v1.0 "Service to service
 * calls using client credentials", certificate case: grant_type, client_id,
 * client_assertion_type, client_assertion, resource — all required). The page keeps one field
 * (settings.scope) for both and converts it here when it builds the form.
 */
import type { EndpointVersion } from "../../entra/clouds";
import { CLIENT_CREDENTIALS_GRANT_TYPE, JWT_BEARER_ASSERTION_TYPE, type ClientCredentialsForm } from "../../entra/token-form";
import { resourceFromScope } from "./default-scope";

/** The form for the page's settings; v1 gets `resource` (the scope without /.default), v2.0 `scope`. */
export function buildClientCredentialsForm(options: { clientId: string; scope: string; clientAssertion: string; version?: EndpointVersion }): ClientCredentialsForm {
  const base = {
    grant_type: CLIENT_CREDENTIALS_GRANT_TYPE,
    client_id: options.clientId.trim(),
    client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
    client_assertion: options.clientAssertion,
  } as const;
  // Field order matters for readability only; formFields() fixes the wire order.
  if (options.version === "v1") return { ...base, resource: resourceFromScope(options.scope) };
  return { ...base, scope: options.scope.trim() };
}
