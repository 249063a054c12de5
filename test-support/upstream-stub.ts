import { createServer, type Server } from "node:https";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";

/** What a stub upstream saw of one request, so tests can prove what the proxy sent. */
export interface StubbedRequest {
  behaviour: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** True when the proxy hung up before the stub answered (timeouts must clean up). */
  closedEarly: boolean;
}

export interface UpstreamStub {
  origin: string;
  /** A token endpoint whose tenant segment picks the stub's behaviour, e.g. endpoint("slow"). */
  endpoint(behaviour: StubBehaviour): string;
  seen: StubbedRequest[];
  close(): Promise<void>;
}

/** A fixed JSON answer with awkward content, to prove it passes through unchanged. */
export const ECHO_BODY = { error: "invalid_client", error_codes: [700027, 50012], nested: { unicode: "ü → ✓", big: 12345678901234, nothing: null }, list: [true, 1.5, "x"] };

export type StubBehaviour = "echo" | "redirect" | "slow" | "not-json" | "huge" | "status-400";

const BEHAVIOURS: Record<StubBehaviour, (response: ServerResponse) => void> = {
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
export async function startUpstreamStub(tls: { key: string; cert: string }): Promise<UpstreamStub> {
  const seen: StubbedRequest[] = [];
  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (request, response) => {
    // The tenant segment is "{behaviour}.stub.example": a valid tenant domain whose first label picks the behaviour.
    const behaviour = ((request.url ?? "/").split("/")[1] ?? "").split(".")[0] ?? "";
    const record: StubbedRequest = { behaviour, headers: request.headers, body: "", closedEarly: false };
    seen.push(record);
    response.on("close", () => {
      record.closedEarly = !response.writableFinished;
    });
    void readBody(request).then((body) => {
      record.body = body;
      const handler = BEHAVIOURS[behaviour as StubBehaviour] as ((response: ServerResponse) => void) | undefined;
      if (handler) handler(response);
      else sendJson(response, 404, { error: "no such behaviour" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    origin,
    endpoint: (behaviour) => `${origin}/${behaviour}.stub.example/oauth2/v2.0/token`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
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
