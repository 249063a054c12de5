/**
 * The `/.default` scope: how the client-credentials grant asks for all of one resource's app roles
 * (Microsoft identity platform, "The /.default scope": `{App ID URI}/.default`, e.g.
 * https://graph.microsoft.com/.default). The v1 endpoint takes the resource itself instead.
 * Every place that adds or strips `/.default` uses these functions.
 */

export const DEFAULT_SCOPE_SUFFIX = "/.default";

/** A one-click change the panel can offer: the new value of the scope field and the button's label. */
export interface ScopeFix {
  label: string;
  value: string;
}

/** The resource a scope names: the text with a trailing /.default removed (what v1 sends as `resource`). */
export function resourceFromScope(scope: string): string {
  const text = scope.trim();
  return text.endsWith(DEFAULT_SCOPE_SUFFIX) ? text.slice(0, -DEFAULT_SCOPE_SUFFIX.length) : text;
}

/**
 * The `/.default` scope of a resource: `{resource}/.default`, without doubling a trailing slash;
 * a scope that already ends in /.default is returned as it is. Trims the text.
 * @example toDefaultScope("https://graph.microsoft.com/") // "https://graph.microsoft.com/.default"
 */
export function toDefaultScope(resourceOrScope: string): string {
  const text = resourceOrScope.trim();
  return text.endsWith(DEFAULT_SCOPE_SUFFIX) ? text : `${text.replace(/\/$/, "")}${DEFAULT_SCOPE_SUFFIX}`;
}

/**
 * The `.default` scope of the resource a delegated-style scope or a list names: client credentials
 * ask for all of one resource's app roles ("https://graph.microsoft.com/User.Read" →
 * "https://graph.microsoft.com/.default"). Undefined when no resource can be read from the text.
 */
export function defaultScopeOfResource(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0] ?? "";
  const match = /^((?:https?|api):\/\/[^/\s]+)(\/.*)?$/.exec(first);
  if (!match?.[1]) return undefined;
  const path = (match[2] ?? "").replace(/\/[^/]*$/, "");
  return `${match[1]}${path}${DEFAULT_SCOPE_SUFFIX}`;
}
