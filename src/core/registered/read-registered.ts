/**
 * Reads what an app registration holds from what the user pasted, by its shape, with no format to
 * choose (the shapes as az, Microsoft Graph and the admin center print them: docs/entra.md and
 * shared entra facts, "What the app registration holds"):
 *  - a list of keyCredentials, passwordCredentials or federated credentials
 *    (az ad app|sp credential list [--cert], az ad app federated-credential list);
 *  - Graph's list envelope {"value": [...]} of any of those, or of applications;
 *  - an application object (az ad app show, Graph GET /applications/{id}, the manifest in its
 *    Microsoft Graph and Azure AD Graph forms) with keyCredentials and passwordCredentials;
 *  - an app management policy (tenant default or appManagementPolicy);
 *  - several of these pasted one after another.
 * Nothing here touches the network or the page: it returns plain data or throws RegisteredReadError.
 */
import { field, hasField, isJsonObject, optionalArray, optionalString } from "./json-fields";
import { parseJsonDocuments, type JsonObject, type JsonValue } from "./parse-json-documents";
import { readAppManagementPolicy } from "./read-app-management-policy";
import { RegisteredReadError } from "./read-error";
import { readFederatedCredential } from "./read-federated-credential";
import { readKeyCredential } from "./read-key-credential";
import { readPasswordCredential } from "./read-password-credential";
import type { RegisteredApplication, RegisteredRead, RegisteredRow } from "./registered-credential";

/** The largest paste read: room for thousands of credentials (an app holds far fewer), small enough to stay quick. */
export const MAX_REGISTERED_PASTE_CHARACTERS = 8 * 1024 * 1024;
export const MAX_REGISTERED_PASTE_LABEL = "8 MB";

type ItemKind = "certificate" | "secret" | "federated" | "application" | "policy";

/** What one list item or object is, by the fields it has (values may be null: az prints unset fields as null). */
function kindOf(object: JsonObject): ItemKind | undefined {
  if (hasField(object, "keyCredentials") || hasField(object, "passwordCredentials") || hasField(object, "appId") || hasField(object, "replyUrlsWithType")) return "application";
  if (hasField(object, "applicationRestrictions") || hasField(object, "restrictions")) return "policy";
  if (hasField(object, "issuer") || hasField(object, "claimsMatchingExpression") || hasField(object, "audiences")) return "federated";
  if (hasField(object, "hint") || hasField(object, "secretText")) return "secret";
  const type = field(object, "type");
  if (hasField(object, "key") || hasField(object, "usage") || (typeof type === "string" && /^(AsymmetricX509Cert|X509CertAndPassword|Symmetric)/i.test(type))) return "certificate";
  // The old manifest's passwordCredentials have keyId, dates and value, but no type or usage.
  if (hasField(object, "keyId") && (hasField(object, "value") || hasField(object, "endDate") || hasField(object, "endDateTime"))) return "secret";
  return undefined;
}

const EXPECTED_SHAPES =
  "the JSON that az ad app show, az ad app credential list (with or without --cert), az ad app federated-credential list, Microsoft Graph (/applications/{id}, …/federatedIdentityCredentials, /policies/defaultAppManagementPolicy) or the app's manifest print";

function unknownShape(path: string, what: string): RegisteredReadError {
  return new RegisteredReadError("ERR_REGISTERED_UNKNOWN_SHAPE", `${path} is ${what}, which is none of the shapes this reads. Expected ${EXPECTED_SHAPES}.`);
}

interface Collected {
  rows: RegisteredRow[];
  read: RegisteredRead;
}

async function readApplication(object: JsonObject, path: string, collected: Collected): Promise<void> {
  const application: RegisteredApplication = {};
  // The object ID: `id` in Graph and the new manifest, `objectId` in the Azure AD Graph manifest.
  const objectId = optionalString(object, "id", path) ?? optionalString(object, "objectId", path);
  const appId = optionalString(object, "appId", path);
  const displayName = optionalString(object, "displayName", path);
  if (objectId !== undefined) application.objectId = objectId;
  if (appId !== undefined) application.appId = appId;
  if (displayName !== undefined) application.displayName = displayName;
  if (!collected.read.application) collected.read.application = application;
  else if (appId !== undefined && collected.read.application.appId !== undefined && collected.read.application.appId !== appId) {
    collected.read.notes.push(`The paste holds more than one application (${collected.read.application.appId} and ${appId}); their credentials are all listed, and the object ID used is the first one's.`);
  }
  const keys = optionalArray(object, "keyCredentials", path) ?? [];
  for (const [index, value] of keys.entries()) {
    const itemPath = `${path}.keyCredentials[${String(index)}]`;
    if (!isJsonObject(value)) throw unknownShape(itemPath, "not an object");
    collected.rows.push(await readKeyCredential(value, itemPath));
  }
  const passwords = optionalArray(object, "passwordCredentials", path) ?? [];
  for (const [index, value] of passwords.entries()) {
    const itemPath = `${path}.passwordCredentials[${String(index)}]`;
    if (!isJsonObject(value)) throw unknownShape(itemPath, "not an object");
    collected.rows.push(readPasswordCredential(value, itemPath));
  }
  const federated = optionalArray(object, "federatedIdentityCredentials", path) ?? [];
  for (const [index, value] of federated.entries()) {
    const itemPath = `${path}.federatedIdentityCredentials[${String(index)}]`;
    if (!isJsonObject(value)) throw unknownShape(itemPath, "not an object");
    collected.rows.push(readFederatedCredential(value, itemPath));
  }
}

async function readObject(object: JsonObject, path: string, collected: Collected): Promise<void> {
  const kind = kindOf(object);
  if (kind === "application") return readApplication(object, path, collected);
  if (kind === "policy") {
    collected.read.policies.push(readAppManagementPolicy(object, path));
    return;
  }
  if (kind === "certificate") {
    collected.rows.push(await readKeyCredential(object, path));
    return;
  }
  if (kind === "secret") {
    collected.rows.push(readPasswordCredential(object, path));
    return;
  }
  if (kind === "federated") {
    collected.rows.push(readFederatedCredential(object, path));
    return;
  }
  // Graph's list envelope: {"@odata.context": …, "value": [...]}.
  const list = field(object, "value");
  if (Array.isArray(list)) return readList(list, `${path}.value`, collected);
  const keys = Object.keys(object).slice(0, 5).map((key) => `"${key.slice(0, 40)}"`);
  throw unknownShape(path, keys.length === 0 ? "an empty object" : `an object with ${keys.join(", ")}${Object.keys(object).length > 5 ? ", …" : ""}`);
}

async function readList(list: JsonValue[], path: string, collected: Collected): Promise<void> {
  for (const [index, value] of list.entries()) {
    const itemPath = `${path}[${String(index)}]`;
    if (!isJsonObject(value)) throw unknownShape(itemPath, Array.isArray(value) ? "a list inside the list" : `${JSON.stringify(value)?.slice(0, 40) ?? "a value"}, not an object`);
    await readObject(value, itemPath, collected);
  }
}

/** Several documents (az app show, then credential list) often list the same credential: one row each, the fuller one kept. */
function withoutRepeats(rows: RegisteredRow[], notes: string[]): RegisteredRow[] {
  const seen = new Map<string, number>();
  const kept: RegisteredRow[] = [];
  let repeats = 0;
  for (const row of rows) {
    const identity = row.keyId === "" ? undefined : `${row.kind}:${row.keyId.toLowerCase()}`;
    const earlier = identity === undefined ? undefined : seen.get(identity);
    if (identity === undefined || earlier === undefined) {
      if (identity !== undefined) seen.set(identity, kept.length);
      kept.push(row);
      continue;
    }
    repeats++;
    const first = kept[earlier];
    if (first?.kind === "certificate" && row.kind === "certificate" && !first.certificateDer && row.certificateDer) kept[earlier] = row;
  }
  if (repeats > 0) notes.push(`${String(repeats)} credential${repeats === 1 ? " was" : "s were"} listed more than once (same keyId); each is shown once.`);
  return kept;
}

export async function readRegisteredCredentials(text: string): Promise<RegisteredRead> {
  if (text.length > MAX_REGISTERED_PASTE_CHARACTERS) {
    throw new RegisteredReadError(
      "ERR_REGISTERED_TOO_LARGE",
      `This paste is ${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_REGISTERED_PASTE_LABEL}. Paste one app's output (az ad app show --id <appId>), not a whole tenant's.`,
    );
  }
  if (text.trim() === "") throw new RegisteredReadError("ERR_REGISTERED_EMPTY", `Nothing to read yet: paste ${EXPECTED_SHAPES}.`);
  const documents = parseJsonDocuments(text);
  const read: RegisteredRead = { rows: [], policies: [], documents: documents.length, notes: [] };
  const collected: Collected = { rows: [], read };
  for (const [index, document] of documents.entries()) {
    const path = documents.length === 1 ? "The paste" : `Document ${String(index + 1)} (line ${String(document.line)})`;
    const { value } = document;
    if (Array.isArray(value)) await readList(value, path, collected);
    else if (isJsonObject(value)) await readObject(value, path, collected);
    else throw unknownShape(path, `${JSON.stringify(value).slice(0, 40)}, a single value`);
  }
  read.rows = withoutRepeats(collected.rows, read.notes);
  return read;
}
