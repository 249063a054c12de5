/** Reads one passwordCredential (Graph, or the older manifest's startDate/endDate) into a secret row. */
import { optionalDateTime, optionalString } from "./json-fields";
import type { JsonObject } from "./parse-json-documents";
import { readCustomKeyIdentifier } from "./read-custom-key-identifier";
import type { RegisteredSecret } from "./registered-credential";

export function readPasswordCredential(entry: JsonObject, path: string): RegisteredSecret {
  const identifierText = optionalString(entry, "customKeyIdentifier", path);
  return {
    kind: "secret",
    keyId: optionalString(entry, "keyId", path) ?? "",
    displayName: optionalString(entry, "displayName", path),
    startDateTime: optionalDateTime(entry, "startDateTime", path) ?? optionalDateTime(entry, "startDate", path),
    endDateTime: optionalDateTime(entry, "endDateTime", path) ?? optionalDateTime(entry, "endDate", path),
    // Graph keeps the secret's first three characters as `hint` (passwordCredential resource type).
    hint: optionalString(entry, "hint", path),
    customKeyIdentifier: identifierText === undefined || identifierText.trim() === "" ? undefined : readCustomKeyIdentifier(identifierText),
    source: path,
  };
}
