/**
 * Reads one federatedIdentityCredential (az ad app federated-credential list; Graph v1.0 and beta,
 * where a flexible credential has `claimsMatchingExpression` and `subject` null).
 */
import { field, optionalString, requireObject, wrongType } from "./json-fields";
import type { JsonObject } from "./parse-json-documents";
import type { ClaimsMatchingExpression, RegisteredFederated } from "./registered-credential";

function readExpression(entry: JsonObject, path: string): ClaimsMatchingExpression | undefined {
  const value = field(entry, "claimsMatchingExpression");
  if (value === undefined || value === null) return undefined;
  const expression = requireObject(value, `${path}.claimsMatchingExpression`, 'an object {"languageVersion": 1, "value": "claims[\'sub\'] matches \'…\'"}');
  const text = optionalString(expression, "value", `${path}.claimsMatchingExpression`) ?? "";
  const version = field(expression, "languageVersion");
  if (version !== undefined && version !== null && typeof version !== "number") throw wrongType(`${path}.claimsMatchingExpression.languageVersion`, "a number", version);
  return typeof version === "number" ? { value: text, languageVersion: version } : { value: text };
}

export function readFederatedCredential(entry: JsonObject, path: string): RegisteredFederated {
  const audiencesValue = field(entry, "audiences");
  let audiences: string[] = [];
  if (audiencesValue !== undefined && audiencesValue !== null) {
    if (!Array.isArray(audiencesValue)) throw wrongType(`${path}.audiences`, 'a list of text (["api://AzureADTokenExchange"])', audiencesValue);
    audiences = audiencesValue.map((audience, index) => {
      if (typeof audience !== "string") throw wrongType(`${path}.audiences[${String(index)}]`, "text", audience);
      return audience;
    });
  }
  const name = optionalString(entry, "name", path) ?? "";
  const claimsMatchingExpression = readExpression(entry, path);
  const row: RegisteredFederated = {
    kind: "federated",
    keyId: optionalString(entry, "id", path) ?? "",
    name,
    displayName: name,
    issuer: optionalString(entry, "issuer", path) ?? "",
    subject: optionalString(entry, "subject", path) ?? null,
    audiences,
    description: optionalString(entry, "description", path),
    source: path,
  };
  if (claimsMatchingExpression) row.claimsMatchingExpression = claimsMatchingExpression;
  return row;
}
