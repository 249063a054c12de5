import { Agent } from "node:https";
import { createSecureContext, rootCertificates, type SecureContext } from "node:tls";
import { HttpError } from "./http-error";

/**
 * Connections to the token endpoints, kept alive and reused: a TLS handshake costs more than the
 * whole forwarded request, so the proxy would otherwise add milliseconds to every token request
 * (scripts/bench-proxy.ts measures it). One agent per authority origin, created on first use; the
 * allowlist bounds how many authorities there can be.
 *
 * A request never waits for a pooled connection. A capped pool queues what it cannot serve, so an
 * endpoint that accepts connections and never answers fills the pool and every later request to
 * that authority, however quick its own answer would be, waits behind it until the hung ones time
 * out. So the agent opens another connection whenever none is free, and only the idle connections
 * kept for reuse are capped. What bounds the connections is the number of requests still waiting
 * for an answer: each is tied to one browser request and ends within the upstream timeout, and past
 * MAX_UNANSWERED_PER_AUTHORITY the proxy answers 503 at once, naming the endpoint that is not
 * answering, rather than queue (a queue would only hide the same fact for up to the timeout).
 */

/**
 * Requests to one authority that may await its answer at once. The page sends one token request at
 * a time, so this many unanswered means the endpoint has stopped answering; it also bounds the
 * sockets (file descriptors) a hung endpoint can hold.
 */
export const MAX_UNANSWERED_PER_AUTHORITY = 64;
/**
 * Idle connections kept per authority for reuse: as many as may be in use, so that the connections
 * a burst opened serve the requests after it instead of being closed and opened again (a TLS
 * handshake each); the idle timeout below closes those no longer needed.
 */
export const MAX_IDLE_SOCKETS_PER_AUTHORITY = MAX_UNANSWERED_PER_AUTHORITY;
/**
 * An idle connection is closed after this long: shorter than the 5 s keep-alive timeout of Node's
 * own HTTP server (the mock authority) and of many front ends, so the proxy closes first and never
 * sends a request on a connection the other side is just closing.
 */
export const UPSTREAM_IDLE_TIMEOUT_MS = 4_000;

/** One request's use of an authority: its agent, and a slot of the authority's unanswered budget. */
export interface UpstreamLease {
  agent: Agent;
  /** Gives the slot back once the exchange has ended (answered, failed, timed out or cancelled); idempotent. */
  release(): void;
}

export interface UpstreamAgents {
  /**
   * A slot for one request to `url`'s authority (scheme, host and port).
   * @throws HttpError 503 `upstream_not_answering` when that authority already has the most unanswered requests.
   */
  acquire(url: URL): UpstreamLease;
  /** Requests to `url`'s authority that have not ended yet (tests and diagnostics). */
  unanswered(url: URL): number;
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
  /** Default MAX_UNANSWERED_PER_AUTHORITY; smaller in tests. */
  maxUnansweredPerAuthority?: number;
}

interface Authority {
  agent: Agent;
  unanswered: number;
}

export function createUpstreamAgents(options: UpstreamAgentOptions = {}): UpstreamAgents {
  const secureContext: SecureContext | undefined = options.extraCaPem === undefined ? undefined : createSecureContext({ ca: [...rootCertificates, options.extraCaPem] });
  const maxUnanswered = options.maxUnansweredPerAuthority ?? MAX_UNANSWERED_PER_AUTHORITY;
  const authorities = new Map<string, Authority>();
  const authorityFor = (url: URL): Authority => {
    let authority = authorities.get(url.origin);
    if (authority === undefined) {
      const agent = new Agent({
        keepAlive: true,
        // No maxSockets: Node's default is unlimited, so a request opens a connection rather than queue.
        maxFreeSockets: MAX_IDLE_SOCKETS_PER_AUTHORITY,
        // For a socket in the pool, the idle timeout (Node's agent destroys a free socket that times
        // out; a socket in use is left to the request's own timer in forward-token-request.ts).
        timeout: UPSTREAM_IDLE_TIMEOUT_MS,
        // Reuse the most recently used connection, so the others can time out.
        scheduling: "lifo",
        ...(secureContext === undefined ? {} : { secureContext }),
      });
      authority = { agent, unanswered: 0 };
      authorities.set(url.origin, authority);
    }
    return authority;
  };
  return {
    acquire(url) {
      const authority = authorityFor(url);
      if (authority.unanswered >= maxUnanswered) {
        throw new HttpError(
          503,
          "upstream_not_answering",
          `${url.host} is not answering: ${String(authority.unanswered)} token requests to it are still waiting for an answer. Try again once they have timed out, or check that the authority is up.`,
        );
      }
      authority.unanswered += 1;
      let released = false;
      return {
        agent: authority.agent,
        release() {
          if (released) return;
          released = true;
          authority.unanswered -= 1;
        },
      };
    },
    unanswered(url) {
      return authorities.get(url.origin)?.unanswered ?? 0;
    },
    destroy() {
      for (const { agent } of authorities.values()) agent.destroy();
      authorities.clear();
    },
  };
}
