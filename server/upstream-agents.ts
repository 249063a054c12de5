import { Agent } from "node:https";
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";

/**
 * Connections to the token endpoints, kept alive and reused: a TLS handshake costs more than the
 * whole forwarded request, so the proxy would otherwise add milliseconds to every token request
 * (scripts/bench-proxy.ts measures it). One agent per authority origin, created on first
 * use; the allowlist bounds how many authorities there can be.
 */

/** At most this many connections to one authority; further requests wait for a free one. */
export const MAX_SOCKETS_PER_AUTHORITY = 8;
/** Idle connections kept per authority. */
export const MAX_IDLE_SOCKETS_PER_AUTHORITY = 4;
/**
 * An idle connection is closed after this long: shorter than the 5 s keep-alive timeout of Node's
 * own HTTP server (the mock authority) and of many front ends, so the proxy closes first and never
 * sends a request on a connection the other side is just closing.
 */
export const UPSTREAM_IDLE_TIMEOUT_MS = 4_000;

export interface UpstreamAgents {
  /** The agent for `url`'s authority (scheme, host and port). */
  agentFor(url: URL): Agent;
  /** Closes every connection (server shutdown). */
  destroy(): void;
}

export interface UpstreamAgentOptions {
  /**
   * A PEM CA to trust besides Node's roots (in-process tests). It goes in one prebuilt
   * secureContext rather than the `ca` option: an agent keys its socket pool by a string that
   * includes every `ca` entry, rebuilt on every request. Processes use NODE_EXTRA_CA_CERTS, which
   * Node applies to every context itself.
   */
  extraCaPem?: string;
}

export function createUpstreamAgents(options: UpstreamAgentOptions = {}): UpstreamAgents {
  const secureContext: SecureContext | undefined = options.extraCaPem === undefined ? undefined : createSecureContext({ ca: [...rootCertificates, options.extraCaPem] });
  const agents = new Map<string, Agent>();
  return {
    agentFor(url) {
      const authority = url.origin;
      let agent = agents.get(authority);
      if (agent === undefined) {
        agent = new Agent({
          keepAlive: true,
          maxSockets: MAX_SOCKETS_PER_AUTHORITY,
          maxTotalSockets: MAX_SOCKETS_PER_AUTHORITY,
          maxFreeSockets: MAX_IDLE_SOCKETS_PER_AUTHORITY,
          // For a socket in the pool, the idle timeout (Node's agent destroys a free socket that times out).
          timeout: UPSTREAM_IDLE_TIMEOUT_MS,
          // Reuse the most recently used connection, so the others can time out.
          scheduling: "lifo",
          ...(secureContext === undefined ? {} : { secureContext }),
        });
        agents.set(authority, agent);
      }
      return agent;
    },
    destroy() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
