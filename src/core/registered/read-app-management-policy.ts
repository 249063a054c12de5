/**
 * Reads an app management policy: the tenant default (GET /policies/defaultAppManagementPolicy, whose
 * limits are in `applicationRestrictions`) or an appManagementPolicy (its `restrictions`). Only the
 * credential lifetime restrictions matter here: `keyCredentials` and `passwordCredentials`, each a list
 * of `{restrictionType, maxLifetime, state, restrictForAppsCreatedAfterDateTime}`
 * (https://learn.microsoft.com/graph/api/resources/appmanagementconfiguration).
 */
import { field, optionalArray, optionalDateTime, optionalString, requireObject, wrongType } from "./json-fields";
import type { JsonObject } from "./parse-json-documents";
import type { PolicyRestriction, RegisteredPolicy } from "./registered-credential";

function readRestrictions(configuration: JsonObject, name: "keyCredentials" | "passwordCredentials", path: string): PolicyRestriction[] {
  return (optionalArray(configuration, name, path) ?? []).map((value, index) => {
    const itemPath = `${path}.${name}[${String(index)}]`;
    const item = requireObject(value, itemPath, "an object {restrictionType, maxLifetime, …}");
    const restriction: PolicyRestriction = { restrictionType: optionalString(item, "restrictionType", itemPath) ?? "" };
    const maxLifetime = optionalString(item, "maxLifetime", itemPath);
    const state = optionalString(item, "state", itemPath);
    const after = optionalDateTime(item, "restrictForAppsCreatedAfterDateTime", itemPath);
    if (maxLifetime !== undefined) restriction.maxLifetime = maxLifetime;
    if (state !== undefined) restriction.state = state;
    if (after !== undefined) restriction.restrictForAppsCreatedAfterDateTime = after;
    return restriction;
  });
}

export function readAppManagementPolicy(document: JsonObject, path: string): RegisteredPolicy {
  const tenantDefault = field(document, "applicationRestrictions") !== undefined;
  const configurationName = tenantDefault ? "applicationRestrictions" : "restrictions";
  const configurationValue = field(document, configurationName) ?? null;
  const configuration = configurationValue === null ? (Object.create(null) as JsonObject) : requireObject(configurationValue, `${path}.${configurationName}`, "an object {keyCredentials, passwordCredentials}");
  const enabled = field(document, "isEnabled");
  if (enabled !== undefined && enabled !== null && typeof enabled !== "boolean") throw wrongType(`${path}.isEnabled`, "true or false", enabled);
  const policy: RegisteredPolicy = {
    scope: tenantDefault ? "tenant-default" : "app-policy",
    displayName: optionalString(document, "displayName", path) ?? (tenantDefault ? "Tenant default app management policy" : "App management policy"),
    keyCredentials: readRestrictions(configuration, "keyCredentials", `${path}.${configurationName}`),
    passwordCredentials: readRestrictions(configuration, "passwordCredentials", `${path}.${configurationName}`),
    source: path,
  };
  if (typeof enabled === "boolean") policy.isEnabled = enabled;
  return policy;
}
