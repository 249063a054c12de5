import { createServer, type Server } from "node:https";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";

/** What a stub upstream saw of one request, so tests can prove what the proxy sent. */
export interface StubbedRequest {
  behaviour: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** True when the proxy hung up before the stub answered (timeouts must clean up). */
  closedEarly: boolean;
}

/** One TLS connection the stub accepted, and what was asked on it. */
export interface StubConnection {
  open: boolean;
  behaviours: string[];
}

export interface UpstreamStubOptions {
  /**
   * Hold each new TCP connection this long before the TLS handshake starts (a slow network);
   * Infinity holds it for good (an endpoint that accepts and never completes a handshake).
   */
  acceptDelayMs?: number;
  /** How long the "late" behaviour waits before answering like "echo"; default 500. */
  lateAnswerMs?: number;
}

export interface UpstreamStub {
  origin: string;
  /** Every TLS connection accepted, open or closed: counted on the stub's side, not the proxy's. */
  connections: StubConnection[];
  /** TCP connections still open, TLS handshake done or not. */
  openTcpConnections(): number;
  /** A token endpoint whose tenant segment picks the stub's behaviour, e.g. endpoint("slow"). */
  endpoint(behaviour: StubBehaviour): string;
  seen: StubbedRequest[];
  close(): Promise<void>;
}

/** A fixed JSON answer with awkward content, to prove it passes through unchanged. */
export const ECHO_BODY = { error: "invalid_client", error_codes: [700027, 50012], nested: { unicode: "ü → ✓", big: 12345678901234, nothing: null }, list: [true, 1.5, "x"] };

export type StubBehaviour = "echo" | "late" | "redirect" | "slow" | "not-json" | "huge" | "status-400";

const BEHAVIOURS: Record<Exclude<StubBehaviour, "late">, (response: ServerResponse) => void> = {
  echo: (response) => sendJson(response, 200, ECHO_BODY),
  "status-400": (response) => sendJson(response, 400, ECHO_BODY),
  redirect: (response) => {
    response.writeHead(302, { Location: "/echo.stub.example/oauth2/v2.0/token" });
    response.end();
  },
  // Never answers: the proxy's timeout must fire and close the connection.
  slow: () => undefined,
  "not-json": (response) => {
    response.writeHead(200, { "Content-Type": "text/html" });
    response.end("<html>Sign in</html>");
  },
  // 1.5 MiB of valid JSON: too large even though it would parse.
  huge: (response) => sendJson(response, 200, { padding: "x".repeat(1.5 * 1024 * 1024) }),
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** An HTTPS upstream on 127.0.0.1 that misbehaves on request (see BEHAVIOURS). */
export async function startUpstreamStub(tls: { key: string; cert: string }, options: UpstreamStubOptions = {}): Promise<UpstreamStub> {
  const seen: StubbedRequest[] = [];
  const connections: StubConnection[] = [];
  const connectionOf = new WeakMap<Socket, StubConnection>();
  const tcpSockets = new Set<Socket>();
  const lateTimers = new Set<NodeJS.Timeout>();
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    // The tenant segment is "{behaviour}.stub.example": a valid tenant domain whose first label picks the behaviour.
    const behaviour = ((request.url ?? "/").split("/")[1] ?? "").split(".")[0] ?? "";
    const record: StubbedRequest = { behaviour, headers: request.headers, body: "", closedEarly: false };
    seen.push(record);
    connectionOf.get(request.socket)?.behaviours.push(behaviour);
    response.on("close", () => {
      record.closedEarly = !response.writableFinished;
    });
    void readBody(request).then((body) => {
      record.body = body;
      if (behaviour === "late") {
        const timer = setTimeout(() => {
          lateTimers.delete(timer);
          if (!response.destroyed) sendJson(response, 200, ECHO_BODY);
        }, options.lateAnswerMs ?? 500);
        lateTimers.add(timer);
        return;
      }
      const handler = BEHAVIOURS[behaviour as Exclude<StubBehaviour, "late">] as ((response: ServerResponse) => void) | undefined;
      if (handler) handler(response);
      else sendJson(response, 404, { error: "no such behaviour" });
    });
  });
  server.on("secureConnection", (socket: Socket) => {
    const connection: StubConnection = { open: true, behaviours: [] };
    connections.push(connection);
    connectionOf.set(socket, connection);
    socket.once("close", () => (connection.open = false));
  });
  const track = (socket: Socket) => {
    tcpSockets.add(socket);
    socket.once("close", () => tcpSockets.delete(socket));
  };
  // With an accept delay, a plain TCP listener takes the connection and hands it to the TLS server later.
  let front: TcpServer | undefined;
  if (options.acceptDelayMs !== undefined) {
    const delayMs = options.acceptDelayMs;
    front = createTcpServer((socket) => {
      track(socket);
      socket.on("error", () => undefined);
      if (delayMs === Number.POSITIVE_INFINITY) {
        // Read and discard, so the stub sees the client hang up (a paused socket never notices).
        socket.resume();
        return;
      }
      setTimeout(() => {
        if (!socket.destroyed) server.emit("connection", socket);
      }, delayMs);
    });
  } else {
    server.on("connection", track);
  }
  const listener = front ?? server;
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${String((listener.address() as AddressInfo).port)}`;
  return {
    origin,
    connections,
    openTcpConnections: () => tcpSockets.size,
    endpoint: (behaviour) => `${origin}/${behaviour}.stub.example/oauth2/v2.0/token`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of lateTimers) clearTimeout(timer);
        for (const socket of tcpSockets) socket.destroy();
        front?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An https origin on 127.0.0.1 where nothing listens (a port that was just freed). */
export async function closedLoopbackOrigin(): Promise<string> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `https://127.0.0.1:${String(port)}`;
}
