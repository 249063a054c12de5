// A token endpoint that accepts connections and never answers must not hold up other requests to
// the same authority, and every connection to it must be closed once its request has timed out or
// been cancelled. Against a real listening HTTPS stub, counting connections on the stub's side.
import { request as httpRequest } from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoopbackTls, type TestCertificate } from "../test-support/test-tls";
import { postJson, sendTestRequest, type TestResponse } from "../test-support/http-client";
import { ECHO_BODY, startUpstreamStub, type StubBehaviour, type UpstreamStub } from "../test-support/upstream-stub";
import { startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

const HUNG_REQUESTS = 50;
/** Short for the test; the hung requests must time out well within the test's own limit. */
const UPSTREAM_TIMEOUT_MS = 3_000;
/**
 * What "answered within its usual time" allows on a busy 2-core machine: far below the upstream
 * timeout, which is what a request queued behind the hung ones waits.
 */
const USUAL_ANSWER_MS = 1_200;
const CLIENT_ID = randomUUID();

let tls: TestCertificate;
let stub: UpstreamStub;
let proxy: RunningWorkbenchServer;

function form(): Record<string, string> {
  return {
    grant_type: "client_credentials",
    client_id: CLIENT_ID,
    scope: "https://graph.microsoft.com/.default",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: "eyJhbGciOiJub25lIn0.e30.c2ln",
  };
}

function proxyToken(server: RunningWorkbenchServer, endpoint: string): Promise<TestResponse> {
  return postJson(`${server.origin}/api/token`, { tokenEndpoint: endpoint, form: form() });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const startedAt = performance.now();
  const result = await work();
  return [result, performance.now() - startedAt];
}

async function waitUntil(condition: () => boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function seenCount(on: UpstreamStub, behaviour: StubBehaviour): number {
  return on.seen.filter((seen) => seen.behaviour === behaviour).length;
}

/** Connections on the stub's side that carried a request of `behaviour` and are still open. */
function openConnectionsThatServed(on: UpstreamStub, behaviour: StubBehaviour): number {
  return on.connections.filter((connection) => connection.open && connection.behaviours.includes(behaviour)).length;
}

beforeAll(async () => {
  tls = createLoopbackTls();
  stub = await startUpstreamStub(tls);
  proxy = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [stub.origin], extraCaPem: tls.cert, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS, logger: () => undefined });
});

afterAll(async () => {
  await proxy.close();
  await stub.close();
  tls.dispose();
});

describe("a hung token endpoint", () => {
  it(`does not delay other requests to the same authority: ${String(HUNG_REQUESTS)} hung, then a normal one answered at once`, async () => {
    // The usual time, measured here, on this machine: one request on a warm connection.
    await proxyToken(proxy, stub.endpoint("echo"));
    const [, usualMs] = await timed(() => proxyToken(proxy, stub.endpoint("echo")));

    const slowBefore = seenCount(stub, "slow");
    const hung = Array.from({ length: HUNG_REQUESTS }, () => proxyToken(proxy, stub.endpoint("slow")));
    // Every hung request has reached the stub: the pool holds 50 requests that will not be answered.
    await waitUntil(() => seenCount(stub, "slow") - slowBefore === HUNG_REQUESTS, UPSTREAM_TIMEOUT_MS);

    const [normal, normalMs] = await timed(() => proxyToken(proxy, stub.endpoint("echo")));
    expect(normal).toMatchObject({ status: 200, json: { status: 200, body: ECHO_BODY } });
    expect(normalMs).toBeLessThan(usualMs + USUAL_ANSWER_MS);
    // A refusal that takes one round trip (a redirect) is as quick.
    const [redirect, redirectMs] = await timed(() => proxyToken(proxy, stub.endpoint("redirect")));
    expect(redirect).toMatchObject({ status: 502, json: { error: "upstream_redirect" } });
    expect(redirectMs).toBeLessThan(usualMs + USUAL_ANSWER_MS);

    const answers = await Promise.all(hung);
    for (const answer of answers) expect(answer).toMatchObject({ status: 504, json: { error: "upstream_timeout" } });

    // Every connection that carried a hung request is closed, counted on the stub's side; at most
    // the idle connections kept for reuse (the normal requests') stay open.
    await waitUntil(() => openConnectionsThatServed(stub, "slow") === 0, 1_000);
    // The redirect's connection too: a failure is not drained for reuse.
    await waitUntil(() => openConnectionsThatServed(stub, "redirect") === 0, 1_000);
    expect(stub.connections.filter((connection) => connection.behaviours.includes("slow")).length).toBe(HUNG_REQUESTS);
    expect(stub.openTcpConnections()).toBeLessThanOrEqual(2);
  }, 20_000);

  it("closes the connection of every request whose browser went away", async () => {
    const slowBefore = seenCount(stub, "slow");
    const body = JSON.stringify({ tokenEndpoint: stub.endpoint("slow"), form: form() });
    const requests = Array.from({ length: 10 }, () => {
      const request = httpRequest(`${proxy.origin}/api/token`, { method: "POST", headers: { "Content-Type": "application/json" }, agent: false });
      request.on("error", () => undefined);
      request.end(body);
      return request;
    });
    await waitUntil(() => seenCount(stub, "slow") - slowBefore === requests.length, UPSTREAM_TIMEOUT_MS);
    expect(openConnectionsThatServed(stub, "slow")).toBe(requests.length);
    for (const request of requests) request.destroy();
    // Closed at once, not when the upstream timeout would have fired.
    await waitUntil(() => openConnectionsThatServed(stub, "slow") === 0, UPSTREAM_TIMEOUT_MS / 2);
    expect(stub.seen.filter((seen) => seen.behaviour === "slow").slice(-requests.length).every((seen) => seen.closedEarly)).toBe(true);
  });

  it("past the most unanswered requests per authority, answers 503 at once naming the endpoint, and recovers", async () => {
    const capped = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [stub.origin], extraCaPem: tls.cert, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS, maxUnansweredPerAuthority: 5, logger: () => undefined });
    try {
      const slowBefore = seenCount(stub, "slow");
      const hung = Array.from({ length: 5 }, () => proxyToken(capped, stub.endpoint("slow")));
      await waitUntil(() => seenCount(stub, "slow") - slowBefore === 5, UPSTREAM_TIMEOUT_MS);
      const [refused, refusedMs] = await timed(() => proxyToken(capped, stub.endpoint("echo")));
      expect(refused).toMatchObject({ status: 503, json: { error: "upstream_not_answering" } });
      expect((refused.json as { message: string }).message).toContain(`${new URL(stub.origin).host} is not answering`);
      expect(refusedMs).toBeLessThan(USUAL_ANSWER_MS);
      for (const answer of await Promise.all(hung)) expect(answer.status).toBe(504);
      expect(await proxyToken(capped, stub.endpoint("echo"))).toMatchObject({ status: 200, json: { status: 200 } });
    } finally {
      await capped.close();
    }
  }, 20_000);
});

describe("the upstream timeout", () => {
  it("counts from when the request was sent, not from before the connection was made", async () => {
    // Connecting takes 0.7 of the timeout and the answer another 0.7: each within the timeout,
    // both together not. A timer started before connecting would cut this request off.
    const slowNetwork = await startUpstreamStub(tls, { acceptDelayMs: UPSTREAM_TIMEOUT_MS * 0.7, lateAnswerMs: UPSTREAM_TIMEOUT_MS * 0.7 });
    const patient = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [slowNetwork.origin], extraCaPem: tls.cert, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS, logger: () => undefined });
    try {
      const [answer, elapsedMs] = await timed(() => proxyToken(patient, slowNetwork.endpoint("late")));
      expect(answer).toMatchObject({ status: 200, json: { status: 200, body: ECHO_BODY } });
      expect(elapsedMs).toBeGreaterThan(UPSTREAM_TIMEOUT_MS);
    } finally {
      await patient.close();
      await slowNetwork.close();
    }
  }, 20_000);

  it("still bounds a connection that is never completed", async () => {
    const neverAccepts = await startUpstreamStub(tls, { acceptDelayMs: Number.POSITIVE_INFINITY });
    const patient = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [neverAccepts.origin], extraCaPem: tls.cert, upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS / 2, logger: () => undefined });
    try {
      const [answer, elapsedMs] = await timed(() => proxyToken(patient, neverAccepts.endpoint("echo")));
      expect(answer).toMatchObject({ status: 504, json: { error: "upstream_timeout" } });
      expect((answer.json as { message: string }).message).toMatch(/did not accept a connection/);
      expect(elapsedMs).toBeLessThan(UPSTREAM_TIMEOUT_MS / 2 + 1_000);
      await waitUntil(() => neverAccepts.openTcpConnections() === 0, 1_000);
    } finally {
      await patient.close();
      await neverAccepts.close();
    }
  });
});

describe("after all of that", () => {
  it("the server still answers", async () => {
    expect((await sendTestRequest(`${proxy.origin}/healthz`)).status).toBe(200);
  });
});
