import { formFields, type ClientCredentialsForm } from "../../entra/token-form";
import { shellQuote } from "../shell-quote";

/**
 * The same request as a `curl` command. The assertion is a bearer credential for its lifetime,
 * so it is replaced by a placeholder unless the user asked to reveal it.
 */
export function curlCommandFor(options: { tokenEndpoint: string; form: ClientCredentialsForm; revealAssertion: boolean }): string {
  const assertion = options.revealAssertion ? options.form.client_assertion : "<client assertion: press Reveal to include it>";
  const fields = formFields({ ...options.form, client_assertion: assertion });
  return [
    `curl -sS -X POST ${shellQuote(options.tokenEndpoint)}`,
    `  -H 'Content-Type: application/x-www-form-urlencoded'`,
    ...fields.map(([name, value]) => `  --data-urlencode ${shellQuote(`${name}=${value}`)}`),
  ].join(" \\\n");
}
