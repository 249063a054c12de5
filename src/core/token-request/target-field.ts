/**
 * The scope/resource field of the token request, checked the way the chosen endpoint reads it:
 * v2.0 takes one resource's `/.default` scope (AADSTS70011 otherwise), v1 takes the resource's
 * App ID URI (Azure AD v1.0 "Service to service calls using client credentials").
 */
import type { Cloud, EndpointVersion } from "../../entra/clouds";
import { isGuid } from "../../entra/tenant";
import { DEFAULT_SCOPE_SUFFIX, defaultScopeOfResource, resourceFromScope, toDefaultScope, type ScopeFix } from "./default-scope";
import { graphResourceFor } from "./graph-resources";


/** True for an App ID URI (https://…, api://…, any absolute URI) or an application ID GUID. */
function looksLikeResource(text: string): boolean {
  return isGuid(text) || /^[a-z][a-z0-9+.-]*:\/?\/?[^\s]+$/i.test(text);
}

/** True when the text names a whole resource (no path beyond "/"), so appending /.default makes sense. */
function isBareResource(text: string): boolean {
  if (isGuid(text) || /^api:\/\/[^/\s]+\/?$/i.test(text)) return true;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.pathname === "/" && url.search === "" && url.hash === "" && !text.includes("?");
  } catch {
    return false;
  }
}

/**
 * A scope for the client-credentials grant is one resource's `/.default` (AADSTS70011 otherwise).
 * Returns a message when the scope will be refused.
 */
export function validateScope(scope: string): string | undefined {
  const text = scope.trim();
  if (text === "") return "Enter a scope such as https://graph.microsoft.com/.default.";
  if (/\s/.test(text)) return "Client credentials take one scope, the resource's /.default (e.g. https://graph.microsoft.com/.default), not a list.";
  if (!text.endsWith(DEFAULT_SCOPE_SUFFIX)) {
    return `"${text}" does not end in /.default: the client-credentials grant asks for all the app's roles on one resource, e.g. https://graph.microsoft.com/.default (AADSTS70011 otherwise).`;
  }
  return undefined;
}

/**
 * A resource for the v1 endpoint is the App ID URI of the API (e.g. https://graph.microsoft.com),
 * or its application ID. A trailing /.default is not an error here: it is stripped when the form is
 * built (see checkTargetField for the notice that says so). Returns a message when it will be refused.
 */
export function validateResource(value: string): string | undefined {
  const text = value.trim();
  if (text === "") return "Enter the resource's App ID URI, such as https://graph.microsoft.com.";
  if (/\s/.test(text)) return "The v1 endpoint takes one resource, its App ID URI (e.g. https://graph.microsoft.com), not a list.";
  const resource = resourceFromScope(text);
  if (!looksLikeResource(resource)) {
    return `"${resource}" is not an App ID URI: the v1 endpoint takes the resource as a URI such as https://graph.microsoft.com or api://…, or its application ID (a GUID).`;
  }
  return undefined;
}

/** What the panel shows under the scope/resource field for the chosen endpoint version. */
export interface TargetFieldCheck {
  /** "Scope" for v2.0, "Resource (App ID URI)" for v1. */
  label: string;
  hint: string;
  /** Blocks Send. */
  error?: string;
  /** Does not block Send, but says what will happen or what is likely wrong. */
  notice?: string;
  fix?: ScopeFix;
}

/** Checks the scope field as the chosen endpoint version reads it; `cloud` picks the examples. */
export function checkTargetField(value: string, version: EndpointVersion, cloud: Cloud = "public"): TargetFieldCheck {
  const text = value.trim();
  const graph = graphResourceFor(cloud) ?? "https://graph.microsoft.com";
  if (version === "v1") {
    const check: TargetFieldCheck = {
      label: "Resource (App ID URI)",
      hint: `The v1 endpoint (/oauth2/token) takes the API's App ID URI as resource, e.g. ${graph}, with no /.default.`,
      error: validateResource(text),
    };
    if (!check.error && text.endsWith(DEFAULT_SCOPE_SUFFIX)) {
      const resource = resourceFromScope(text);
      check.notice = `The v1 endpoint takes a resource, not a scope: resource=${resource} is sent (without /.default).`;
      check.fix = { label: "Strip /.default", value: resource };
    }
    return check;
  }
  const check: TargetFieldCheck = {
    label: "Scope",
    hint: `One resource's /.default, e.g. ${toDefaultScope(graph)}.`,
    error: validateScope(text),
  };
  if (check.error && text !== "" && !/\s/.test(text) && isBareResource(text)) {
    check.fix = { label: "Add /.default", value: toDefaultScope(text) };
  } else if (check.error && text !== "") {
    const wholeResource = defaultScopeOfResource(text);
    if (wholeResource && wholeResource !== text) check.fix = { label: `Use ${wholeResource}`, value: wholeResource };
  }
  return check;
}
