/**
 * The client-credentials request with a client secret in the form body (client_secret_post,
 * RFC 6749 §2.3.1; Microsoft identity platform "client credentials flow", first case: "Access token
 * request with a shared secret" — grant_type, client_id, scope, client_secret). The secret is sent
 * exactly as given: whitespace is pointed out by checkClientSecret, never silently removed.
 */
import type { EndpointVersion } from "../../entra/clouds";
import { CLIENT_CREDENTIALS_GRANT_TYPE, type ClientCredentialsForm } from "../../entra/token-form";
import { resourceFromScope } from "../token-request/default-scope";

export function buildClientSecretForm(options: { clientId: string; scope: string; clientSecret: string; version?: EndpointVersion }): ClientCredentialsForm {
  const base = { grant_type: CLIENT_CREDENTIALS_GRANT_TYPE, client_id: options.clientId.trim(), client_secret: options.clientSecret } as const;
  if (options.version === "v1") return { ...base, resource: resourceFromScope(options.scope) };
  return { ...base, scope: options.scope.trim() };
}
