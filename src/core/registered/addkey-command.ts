/**
 * Graph's addKey as a curl command (POST {graph}/v1.0/applications/{id}/addKey,
 * https://learn.microsoft.com/graph/api/application-addkey). The access token is a bearer credential: it
 * is masked until the user reveals it, like the token request's own curl command.
 */
import { shellQuote } from "../recipes/shell-quote";

export function addKeyCurlCommand(options: { graphResource: string; objectId: string; body: string; accessToken?: string; revealToken: boolean }): string {
  const token = options.accessToken === undefined ? "$ACCESS_TOKEN" : options.revealToken ? options.accessToken : "<access token: press Reveal to include it>";
  const url = `${options.graphResource.replace(/\/+$/, "")}/v1.0/applications/${encodeURIComponent(options.objectId)}/addKey`;
  return [`curl -sS -X POST ${shellQuote(url)}`, `  -H ${shellQuote(`Authorization: Bearer ${token}`)}`, `  -H 'Content-Type: application/json'`, `  --data-binary ${shellQuote(options.body)}`].join(" \\\n");
}
