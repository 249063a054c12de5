import { formFields, type ClientCredentialsForm } from "../../entra/token-form";
import { shellQuote } from "../recipes/shell-quote";

/**
 * The same request as a `curl` command. The assertion is a bearer credential for its lifetime,
 * so it is replaced by a placeholder unless the user asked to reveal it; so is a client secret.
 */
export function curlCommandFor(options: { tokenEndpoint: string; form: ClientCredentialsForm; revealAssertion: boolean; revealSecret?: boolean }): string {
  // A client secret is masked the same way until the user shows it.
  const masks: Readonly<Record<string, string | undefined>> = {
    client_assertion: options.revealAssertion ? undefined : "<client assertion: press Reveal to include it>",
    client_secret: options.revealSecret ? undefined : "<client secret: press Show to include it>",
  };
  const fields = formFields(options.form).map(([name, value]): [string, string] => [name, masks[name] ?? value]);
  return [
    `curl -sS -X POST ${shellQuote(options.tokenEndpoint)}`,
    `  -H 'Content-Type: application/x-www-form-urlencoded'`,
    ...fields.map(([name, value]) => `  --data-urlencode ${shellQuote(`${name}=${value}`)}`),
  ].join(" \\\n");
}
