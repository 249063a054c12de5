import { normalizeAuthorityOrigin } from "./allowlist";
import { isLoopbackHost } from "./request-origin";

/** What main.ts reads from the environment. */
export interface EnvironmentConfig {
  host: string;
  port: number;
  extraAuthorities: string[];
  /** Set when HOST is not loopback: the proxy is then reachable from the network. */
  warning?: string;
}

/**
 * Reads PORT (default 8080), HOST (default 127.0.0.1) and WORKBENCH_EXTRA_AUTHORITIES
 * (comma-separated https origins). Throws a TypeError with a fix for a bad value.
 */
export function readEnvironmentConfig(env: NodeJS.ProcessEnv): EnvironmentConfig {
  const host = env.HOST?.trim() || "127.0.0.1";
  const portText = env.PORT?.trim() || "8080";
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65_535) {
    throw new TypeError(`PORT "${portText}" is not a port number (0–65535).`);
  }
  const extraAuthorities = (env.WORKBENCH_EXTRA_AUTHORITIES ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map(normalizeAuthorityOrigin);
  const config: EnvironmentConfig = { host, port, extraAuthorities: [...new Set(extraAuthorities)] };
  if (!isLoopbackHost(host)) {
    config.warning = `Warning: HOST=${host} is not a loopback address; the workbench and its token proxy are reachable from other machines.`;
  }
  return config;
}
