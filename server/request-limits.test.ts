// Hostile clients against a real listening server on 127.0.0.1: a refused request must not have its
// body read (a client could otherwise make the server buffer a large body it will never use), and
// headers plus body share one deadline (so a client dripping bytes cannot hold a connection open).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendTestRequest } from "../test-support/http-client";
import { dripRequest, floodRequest } from "../test-support/raw-socket";
import { createWorkbenchServer, DEFAULT_REQUEST_DEADLINE_MS, startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

const CLAIMED_BODY_BYTES = 256 * 1024 * 1024;
/**
 * Far less than the 256 MiB claimed: what the kernel's socket buffers and the few milliseconds
 * before the refusal let through. A server that reads on takes the whole body.
 */
const MOST_BODY_BYTES_TAKEN = 32 * 1024 * 1024;
/** Short enough for a test, long enough that a loaded machine does not trip it by accident. */
const TEST_DEADLINE_MS = 1_500;
/** Timers on a busy 2-core machine fire late; the deadline must hold within this much. */
const TIMER_SLACK_MS = 1_000;

let root: string;
let server: RunningWorkbenchServer;
let port: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "workbench-limits-"));
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>x</title>");
  server = await startWorkbenchServer({
    port: 0,
    distDir: join(root, "dist"),
    extraAuthorities: ["https://127.0.0.1:9"],
    requestDeadlineMs: TEST_DEADLINE_MS,
    logger: () => undefined,
  });
  port = String(server.port);
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

afterEach(async () => {
  expect((await sendTestRequest(`${server.origin}/healthz`)).status).toBe(200);
});

describe("a refused request closes the connection and its body is not read", () => {
  const head = (requestLine: string, headers: string[]) => [requestLine, `Host: 127.0.0.1:${port}`, ...headers].join("\r\n") + "\r\n";
  const json = "Content-Type: application/json";

  it.each<[string, () => string, number]>([
    ["a foreign Origin on POST /api/token", () => head("POST /api/token HTTP/1.1", [json, "Origin: http://evil.invalid", `Content-Length: ${String(CLAIMED_BODY_BYTES)}`]), 403],
    ["a rebinding Host on POST /api/token", () => head("POST /api/token HTTP/1.1", [json, `Content-Length: ${String(CLAIMED_BODY_BYTES)}`]).replace(`Host: 127.0.0.1:${port}`, `Host: evil.invalid:${port}`), 403],
    ["GET /api/token with a body", () => head("GET /api/token HTTP/1.1", [json, `Content-Length: ${String(CLAIMED_BODY_BYTES)}`]), 405],
    ["POST /api/nothing", () => head("POST /api/nothing HTTP/1.1", [json, `Content-Length: ${String(CLAIMED_BODY_BYTES)}`]), 404],
    ["POST / (the static server)", () => head("POST / HTTP/1.1", [json, `Content-Length: ${String(CLAIMED_BODY_BYTES)}`]), 405],
    ["GET / with a body", () => head("GET / HTTP/1.1", [`Content-Length: ${String(CLAIMED_BODY_BYTES)}`]), 200],
    ["a body over 64 KiB (413)", () => head("POST /api/token HTTP/1.1", [json, `Content-Length: ${String(CLAIMED_BODY_BYTES)}`]), 413],
  ])("%s: answered, then the connection closes long before 256 MiB", async (_label, requestHead, status) => {
    const exchange = await floodRequest(server.origin, { head: requestHead(), maxBodyBytes: CLAIMED_BODY_BYTES, timeLimitMs: 10_000 });
    expect(exchange.status).toBe(status);
    expect(exchange.response).toMatch(/\r\nConnection: close\r\n/i);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.bodyBytesSent).toBeLessThan(MOST_BODY_BYTES_TAKEN);
  });

  it("an endless chunked body with a foreign Origin: 403, then closed", async () => {
    const exchange = await floodRequest(server.origin, {
      head: head("POST /api/token HTTP/1.1", [json, "Origin: http://evil.invalid", "Transfer-Encoding: chunked"]),
      chunked: true,
      maxBodyBytes: CLAIMED_BODY_BYTES,
      timeLimitMs: 10_000,
    });
    expect(exchange.status).toBe(403);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.bodyBytesSent).toBeLessThan(MOST_BODY_BYTES_TAKEN);
  });
});

describe("one deadline for headers plus body", () => {
  const tokenHead = (contentLength: number) => `POST /api/token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${String(contentLength)}\r\n\r\n`;

  it("cuts headers that drip in one byte at a time (slow loris)", async () => {
    const exchange = await dripRequest(server.origin, { prefix: "POST /api/token HTTP/1.1\r\n", drip: "X-Slow: aaaaaaaaaaaaaaaaaaaa\r\n", intervalMs: 100, timeLimitMs: TEST_DEADLINE_MS * 4 });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeLessThan(TEST_DEADLINE_MS + TIMER_SLACK_MS);
    expect(exchange.status === 408 || exchange.status === 0).toBe(true);
  });

  it("cuts a connection that sends nothing at all", async () => {
    const exchange = await dripRequest(server.origin, { prefix: "", drip: "", intervalMs: 10_000, timeLimitMs: TEST_DEADLINE_MS * 4 });
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeLessThan(TEST_DEADLINE_MS + TIMER_SLACK_MS);
  });

  it("answers 408 and closes when a declared body drips in one byte at a time", async () => {
    const exchange = await dripRequest(server.origin, { prefix: tokenHead(60_000), drip: "{", intervalMs: 100, timeLimitMs: TEST_DEADLINE_MS * 4 });
    expect(exchange.status).toBe(408);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeLessThan(TEST_DEADLINE_MS + TIMER_SLACK_MS);
  });

  it("answers 408 and closes when a body stops half-way", async () => {
    const exchange = await dripRequest(server.origin, { prefix: `${tokenHead(100)}{"tokenEndpoint":`, drip: "", intervalMs: 10_000, timeLimitMs: TEST_DEADLINE_MS * 4 });
    expect(exchange.status).toBe(408);
    expect(exchange.closedByServer).toBe(true);
    expect(exchange.elapsedMs).toBeLessThan(TEST_DEADLINE_MS + TIMER_SLACK_MS);
  });

  it("lets a slow request that completes within the deadline through", async () => {
    const body = JSON.stringify({ tokenEndpoint: "https://evil.invalid/x/oauth2/v2.0/token", form: {} });
    const exchange = await dripRequest(server.origin, { prefix: `${tokenHead(body.length)}${body.slice(0, -1)}`, drip: body.slice(-1), intervalMs: TEST_DEADLINE_MS / 3, timeLimitMs: TEST_DEADLINE_MS * 4 });
    // The body arrived whole after a pause: judged on its content, not cut by the deadline.
    expect(exchange.status).toBe(400);
    expect(exchange.response).toContain('"error":"missing_form_field"');
  });

  it("defaults to at most 30 s for headers plus body, enforced by Node's own checks too", () => {
    expect(DEFAULT_REQUEST_DEADLINE_MS).toBeLessThanOrEqual(30_000);
    const plain = createWorkbenchServer();
    expect(plain.headersTimeout).toBeLessThanOrEqual(DEFAULT_REQUEST_DEADLINE_MS);
    expect(plain.requestTimeout).toBeLessThanOrEqual(DEFAULT_REQUEST_DEADLINE_MS);
    expect(plain.headersTimeout).toBeGreaterThan(0);
    expect(plain.requestTimeout).toBeGreaterThan(0);
  });
});
