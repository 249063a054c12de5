import type { Cloud, EndpointVersion, EntraCloud } from "../../entra/clouds";
import { resourceFromScope, toDefaultScope, type ScopeFix } from "./default-scope";

/**
 * Microsoft Graph's App ID URI per cloud (Microsoft Graph "national cloud deployments": global
 * https://graph.microsoft.com, US Government L4 https://graph.microsoft.us, L5 (DoD)
 * https://dod-graph.microsoft.us, China (21Vianet) https://microsoftgraph.chinacloudapi.cn).
 * For "usgov" the first entry (L4, GCC High) is the default; DoD tenants use the second.
 */
export const GRAPH_RESOURCES: Readonly<Record<EntraCloud, readonly string[]>> = {
  public: ["https://graph.microsoft.com"],
  usgov: ["https://graph.microsoft.us", "https://dod-graph.microsoft.us"],
  china: ["https://microsoftgraph.chinacloudapi.cn"],
};

/** Graph's resource for a cloud (https://graph.microsoft.us for US Government), or undefined for a custom authority. */
export function graphResourceFor(cloud: Cloud): string | undefined {
  return cloud === "custom" ? undefined : GRAPH_RESOURCES[cloud][0];
}

/** Graph's `.default` scope for a cloud, e.g. https://graph.microsoft.us/.default; undefined for a custom authority. */
export function graphDefaultScopeFor(cloud: Cloud): string | undefined {
  const resource = graphResourceFor(cloud);
  return resource === undefined ? undefined : toDefaultScope(resource);
}

/** Which cloud's Microsoft Graph a scope or resource names, or undefined when it is not Graph. */
export function graphCloudOf(value: string): EntraCloud | undefined {
  const resource = resourceFromScope(value).replace(/\/$/, "").toLowerCase();
  for (const cloud of Object.keys(GRAPH_RESOURCES) as EntraCloud[]) {
    if (GRAPH_RESOURCES[cloud].includes(resource)) return cloud;
  }
  return undefined;
}

const CLOUD_NAMES: Readonly<Record<EntraCloud, string>> = {
  public: "the global (public) cloud",
  usgov: "the US Government cloud",
  china: "the China (21Vianet) cloud",
};

/**
 * When the scope names Microsoft Graph of another cloud than the authority's (tokens are not
 * interchangeable between clouds; Graph's national cloud doc), says so and offers that cloud's
 * Graph, in the shape the endpoint version takes (`…/.default` for v2.0, the bare URI for v1).
 */
export function scopeCloudMismatch(options: { cloud: Cloud; scope: string; version: EndpointVersion }): { message: string; fix: ScopeFix } | undefined {
  const { cloud, version } = options;
  if (cloud === "custom") return undefined;
  const scopeCloud = graphCloudOf(options.scope);
  if (scopeCloud === undefined || scopeCloud === cloud) return undefined;
  const resource = graphResourceFor(cloud) ?? "";
  const value = version === "v1" ? resource : toDefaultScope(resource);
  return {
    message: `${resourceFromScope(options.scope)} is Microsoft Graph in ${CLOUD_NAMES[scopeCloud]}, but the authority is in ${CLOUD_NAMES[cloud]}: Entra there knows Graph as ${resource}${cloud === "usgov" ? " (https://dod-graph.microsoft.us for DoD tenants)" : ""}.`,
    fix: { label: `Use ${value}`, value },
  };
}
