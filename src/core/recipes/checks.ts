/** Checks the user can run: the token request with curl, and OpenSSL on the downloaded files. */
import { buildClientCredentialsForm } from "../token-request/client-credentials-form";
import { curlCommandFor } from "../token-request/curl-command";
import type { Recipe, RecipeContext } from "./recipe";

export function checkRecipes(context: RecipeContext): Recipe[] {
  const { clientId, scope, inputs } = context;
  return [
    {
      id: "curl",
      group: "check",
      title: "The token request with curl",
      language: "shell",
      description: "Paste a fresh assertion from the Assertion panel (it expires in minutes); the Token panel sends the same request for you.",
      code: curlCommandFor({
        tokenEndpoint: inputs.tokenEndpoint,
        form: buildClientCredentialsForm({ clientId, scope, clientAssertion: "<paste the client assertion>", version: inputs.version }),
        revealAssertion: true,
      }),
    },
    {
      id: "openssl-checks",
      group: "check",
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
