// POST /api/token against a real listening server: the mock Entra service, and stub upstreams that misbehave.
import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SignJWT, importPKCS8 } from "jose";
import { startMockTokenService, type MockTokenService } from "../test-support/mock-token-service";
import { createLoopbackTls, createTestCertificate, type TestCertificate } from "../test-support/test-tls";
import { postJson, sendTestRequest, type TestResponse } from "../test-support/http-client";
import { certificateThumbprints } from "../test-support/sign-test-assertion";
import { ECHO_BODY, closedLoopbackOrigin, startUpstreamStub, type StubBehaviour, type UpstreamStub } from "../test-support/upstream-stub";
import { startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

const TENANT = randomUUID();
const CLIENT_ID = randomUUID();
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
// Long enough for the stub to send 1.5 MiB on a busy machine, short enough for the "slow" case.
const UPSTREAM_TIMEOUT_MS = 1_000;

let tls: TestCertificate;
let untrustedTls: TestCertificate;
let clientCertificate: TestCertificate;
let mock: MockTokenService;
let stub: UpstreamStub;
let untrustedStub: UpstreamStub;
let downOrigin: string;
let proxy: RunningWorkbenchServer;
const logLines: string[] = [];
const assertionsSent: string[] = [];

beforeAll(async () => {
  tls = createLoopbackTls();
  untrustedTls = createLoopbackTls();
  clientCertificate = createTestCertificate({ commonName: "workbench-proxy-test" });
  mock = await startMockTokenService({ tenant: TENANT, clientId: CLIENT_ID, registeredCertificatesPem: [clientCertificate.cert], tls, roles: ["User.Read.All"] });
  stub = await startUpstreamStub(tls);
  untrustedStub = await startUpstreamStub(untrustedTls);
  downOrigin = await closedLoopbackOrigin();
  proxy = await startWorkbenchServer({
    port: 0,
    distDir: "/nonexistent-dist",
    extraAuthorities: [mock.origin, stub.origin, untrustedStub.origin, downOrigin],
    extraCaPem: tls.cert,
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
    logger: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await proxy.close();
  await Promise.all([mock.close(), stub.close(), untrustedStub.close()]);
  for (const certificate of [tls, untrustedTls, clientCertificate]) certificate.dispose();
});

// Robustness: after every case, success or failure, the server still answers.
afterEach(async () => {
  const health = await sendTestRequest(`${proxy.origin}/healthz`);
  expect(health).toMatchObject({ status: 200, json: { ok: true } });
});

/** A client assertion built the way the page builds it: jose, RS256, x5t, aud = the endpoint. */
async function buildAssertion(audience: string): Promise<string> {
  const key = await importPKCS8(clientCertificate.key, "RS256");
  const assertion = await new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", x5t: certificateThumbprints(clientCertificate.cert).x5t })
    .setIssuer(CLIENT_ID).setSubject(CLIENT_ID).setAudience(audience)
    .setIssuedAt().setNotBefore("0s").setExpirationTime("10m")
    .sign(key);
  assertionsSent.push(assertion);
  return assertion;
}

function form(assertion = "eyJhbGciOiJub25lIn0.e30.c2ln", overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { grant_type: "client_credentials", client_id: CLIENT_ID, scope: "https://graph.microsoft.com/.default", client_assertion_type: JWT_BEARER, client_assertion: assertion, ...overrides };
}

function proxyToken(tokenEndpoint: string, formFields: Record<string, unknown> = form(), headers: Record<string, string> = {}): Promise<TestResponse> {
  return postJson(`${proxy.origin}/api/token`, { tokenEndpoint, form: formFields }, headers);
}

function stubRequests(behaviour: StubBehaviour): number {
  return stub.seen.filter((seen) => seen.behaviour === behaviour).length;
}

describe("POST /api/token through to the mock Entra service", () => {
  it("passes a success through: 200 envelope { status, body, durationMs }", async () => {
    const endpoint = mock.tokenEndpoint();
    const response = await proxyToken(endpoint, form(await buildAssertion(endpoint)), { Origin: proxy.origin });
    expect(response.status).toBe(200);
    const envelope = response.json as { status: number; body: Record<string, unknown>; durationMs: number };
    expect(envelope.status).toBe(200);
    expect(envelope.body).toMatchObject({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599 });
    expect(typeof envelope.body.access_token).toBe("string");
    expect(envelope.durationMs).toBeGreaterThanOrEqual(0);
    // The page's Origin was not forwarded, so Entra did not answer AADSTS9002326.
    expect(mock.requests.at(-1)?.hadOrigin).toBe(false);
  });

  it("passes an Entra refusal through in the same envelope, status included", async () => {
    const endpoint = mock.tokenEndpoint();
    const response = await proxyToken(endpoint, form(await buildAssertion(endpoint), { client_id: randomUUID() }));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 400, body: { error: "unauthorized_client", error_codes: [700016] } });
  });

  it("passes an upstream JSON body through unchanged, whatever its status", async () => {
    expect((await proxyToken(stub.endpoint("echo"))).json).toMatchObject({ status: 200, body: ECHO_BODY });
    expect((await proxyToken(stub.endpoint("status-400"))).json).toMatchObject({ status: 400, body: ECHO_BODY });
  });

  it("logs host, tenant, status and duration, and never the assertion or form", async () => {
    const endpoint = mock.tokenEndpoint();
    await proxyToken(endpoint, form(await buildAssertion(endpoint)), { Origin: proxy.origin, Cookie: "session=s3cr3t" });
    expect(logLines.at(-1)).toMatch(new RegExp(`^token host=127\\.0\\.0\\.1:\\d+ tenant=${TENANT} status=200 durationMs=\\d+$`));
    const everything = logLines.join("\n");
    for (const assertion of assertionsSent) {
      expect(everything).not.toContain(assertion);
      expect(everything).not.toContain(assertion.split(".")[2]);
    }
    expect(everything).not.toContain(CLIENT_ID);
    expect(everything).not.toContain("s3cr3t");
  });
});

describe("v1 and v2.0 endpoints take different field sets", () => {
  function v1Form(assertion = "eyJhbGciOiJub25lIn0.e30.c2ln", overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const fields = form(assertion);
    delete fields.scope;
    return { ...fields, resource: "https://graph.microsoft.com", ...overrides };
  }

  it("forwards a v1 request with resource to the mock, which issues a token", async () => {
    const endpoint = mock.tokenEndpoint("v1");
    const response = await proxyToken(endpoint, v1Form(await buildAssertion(endpoint)), { Origin: proxy.origin });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 200, body: { token_type: "Bearer", expires_in: 3599 } });
    expect(mock.requests.at(-1)).toMatchObject({ path: new URL(endpoint).pathname, hadOrigin: false });
  });

  it("sends the v1 fields in order, resource in the place of scope", async () => {
    await proxyToken(`${stub.origin}/echo.stub.example/oauth2/token`, v1Form("a.b.c"));
    expect(stub.seen.at(-1)?.body).toBe(`grant_type=client_credentials&client_id=${CLIENT_ID}&resource=https%3A%2F%2Fgraph.microsoft.com&client_assertion_type=${encodeURIComponent(JWT_BEARER)}&client_assertion=a.b.c`);
  });

  it.each<[string, () => string, () => Record<string, unknown>, RegExp]>([
    ["scope to the v1 endpoint", () => mock.tokenEndpoint("v1"), () => form(), /v1 endpoint \(\/oauth2\/token\) takes resource/],
    ["resource to the v2.0 endpoint", () => mock.tokenEndpoint(), () => v1Form(), /v2\.0 endpoint \(\/oauth2\/v2\.0\/token\) takes scope/],
  ])("refuses %s with 400 form_endpoint_mismatch before sending", async (_label, endpoint, formFields, message) => {
    const sentBefore = mock.requests.length;
    const response = await proxyToken(endpoint(), formFields());
    expect(response).toMatchObject({ status: 400, json: { error: "form_endpoint_mismatch" } });
    expect((response.json as { message: string }).message).toMatch(message);
    expect(mock.requests.length).toBe(sentBefore);
  });

  it("refuses a form with both scope and resource, or resource missing its value", async () => {
    expect(await proxyToken(mock.tokenEndpoint("v1"), form(undefined, { resource: "https://graph.microsoft.com" }))).toMatchObject({ status: 400, json: { error: "unexpected_form_field" } });
    expect(await proxyToken(mock.tokenEndpoint("v1"), v1Form(undefined, { resource: "" }))).toMatchObject({ status: 400, json: { error: "missing_form_field" } });
  });
});

describe("what reaches the upstream", () => {
  it("sends only the form and our own headers: no Origin, Referer, Cookie, Authorization", async () => {
    await proxyToken(stub.endpoint("echo"), form("a.b.c"), {
      Origin: proxy.origin, Referer: `${proxy.origin}/token`, Cookie: "session=1", Authorization: "Bearer x", "X-Forwarded-For": "10.0.0.1", "Accept-Language": "de",
    });
    const seen = stub.seen.at(-1);
    expect(Object.keys(seen?.headers ?? {}).sort()).toEqual(["accept", "connection", "content-length", "content-type", "host", "user-agent"]);
    expect(seen?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(seen?.headers["user-agent"]).toBe("credential-workbench-proxy");
    expect(seen?.body).toBe(`grant_type=client_credentials&client_id=${CLIENT_ID}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&client_assertion_type=${encodeURIComponent(JWT_BEARER)}&client_assertion=a.b.c`);
  });
});

describe("upstream failures become 502/504 with a JSON error", () => {
  it("does not follow a redirect (502 upstream_redirect)", async () => {
    const echoesBefore = stubRequests("echo");
    const response = await proxyToken(stub.endpoint("redirect"));
    expect(response).toMatchObject({ status: 502, json: { error: "upstream_redirect" } });
    expect(stubRequests("echo")).toBe(echoesBefore);
  });

  it("times out a slow upstream (504) and hangs up on it", async () => {
    const startedAt = Date.now();
    const response = await proxyToken(stub.endpoint("slow"));
    expect(response).toMatchObject({ status: 504, json: { error: "upstream_timeout" } });
    expect(Date.now() - startedAt).toBeLessThan(UPSTREAM_TIMEOUT_MS + 2_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stub.seen.filter((seen) => seen.behaviour === "slow").at(-1)?.closedEarly).toBe(true);
  });

  it("stops waiting on the upstream when the browser hangs up", async () => {
    const patient = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [stub.origin], extraCaPem: tls.cert, upstreamTimeoutMs: 10_000, logger: () => undefined });
    try {
      const body = JSON.stringify({ tokenEndpoint: stub.endpoint("slow"), form: form() });
      const request = httpRequest(`${patient.origin}/api/token`, { method: "POST", headers: { "Content-Type": "application/json" } });
      request.on("error", () => undefined);
      request.end(body);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const slowRecord = stub.seen.filter((seen) => seen.behaviour === "slow").at(-1);
      request.destroy();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(slowRecord?.closedEarly).toBe(true);
    } finally {
      await patient.close();
    }
  });

  it.each<[string, () => string, string]>([
    ["an upstream that is down", () => `${downOrigin}/${TENANT}/oauth2/v2.0/token`, "upstream_unreachable"],
    ["an upstream whose certificate is not trusted", () => untrustedStub.endpoint("echo"), "upstream_tls_failed"],
    ["a non-JSON answer", () => stub.endpoint("not-json"), "upstream_not_json"],
    ["an answer over 1 MiB", () => stub.endpoint("huge"), "upstream_too_large"],
  ])("answers 502 for %s", async (_label, endpoint, error) => {
    const response = await proxyToken(endpoint());
    expect(response).toMatchObject({ status: 502, json: { error } });
    expect(typeof (response.json as { message?: unknown }).message).toBe("string");
  });
});

describe("refusals before anything is sent upstream", () => {
  const path = `/${TENANT}/oauth2/v2.0/token`;
  it.each<[string, () => string]>([
    ["another host", () => `https://evil.example${path}`],
    ["another path on an allowed host", () => `${stub.origin}/echo.stub.example/oauth2/v2.0/authorize`],
    ["user-info", () => `https://user@login.microsoftonline.com${path}`],
    ["user-info hiding an allowed stub", () => `https://login.microsoftonline.com@${stub.origin.slice("https://".length)}/echo.stub.example/oauth2/v2.0/token`],
    ["an encoded host", () => `https://login.microsoftonline.%63om${path}`],
    ["an IPv6 literal", () => `https://[::1]${path}`],
    ["a decimal IP for an allowed IP origin", () => `https://2130706433:${new URL(stub.origin).port}/echo.stub.example/oauth2/v2.0/token`],
    ["http scheme", () => `http://login.microsoftonline.com${path}`],
    ["http to an allowed stub", () => `http://${stub.origin.slice("https://".length)}/echo.stub.example/oauth2/v2.0/token`],
    ["an encoded traversal", () => `${stub.origin}/x/..%2fecho/oauth2/v2.0/token`],
  ])("refuses %s with 400 endpoint_not_allowed", async (_label, endpoint) => {
    const seenBefore = stub.seen.length;
    const response = await proxyToken(endpoint());
    expect(response).toMatchObject({ status: 400, json: { error: "endpoint_not_allowed" } });
    expect(stub.seen.length).toBe(seenBefore);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["another grant type", form(undefined, { grant_type: "password" }), "invalid_grant_type"],
    ["another client_assertion_type", form(undefined, { client_assertion_type: "urn:x" }), "invalid_client_assertion_type"],
    ["an extra form field", form(undefined, { password: "s" }), "unexpected_form_field"],
    ["a missing form field", { grant_type: "client_credentials" }, "missing_form_field"],
  ])("refuses %s with 400", async (_label, formFields, error) => {
    expect(await proxyToken(stub.endpoint("echo"), formFields)).toMatchObject({ status: 400, json: { error } });
  });

  it("refuses invalid JSON (400), non-JSON content (415) and a body over 64 KiB (413)", async () => {
    const url = `${proxy.origin}/api/token`;
    expect(await sendTestRequest(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" })).toMatchObject({ status: 400, json: { error: "invalid_json" } });
    expect(await sendTestRequest(url, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" })).toMatchObject({ status: 415, json: { error: "unsupported_media_type" } });
    const huge = JSON.stringify({ tokenEndpoint: stub.endpoint("echo"), form: form("x".repeat(70 * 1024)) });
    expect(await sendTestRequest(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: huge })).toMatchObject({ status: 413, json: { error: "body_too_large" } });
  });

  it("counts a chunked body on the stream (413 without Content-Length)", async () => {
    const response = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${proxy.origin}/api/token`, { method: "POST", headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" } }, (answer) => {
        answer.resume();
        resolve(answer.statusCode ?? 0);
      });
      request.on("error", reject);
      for (let i = 0; i < 80; i += 1) request.write("x".repeat(1024));
      request.end();
    });
    expect(response).toBe(413);
  });

  it.each<[string, Record<string, string>]>([
    ["a foreign Origin", { Origin: "http://evil.example" }],
    ["a null Origin", { Origin: "null" }],
    ["a Host that is not loopback (DNS rebinding)", { Host: "evil.example:8080", Origin: "http://evil.example:8080" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ])("refuses %s with 403 (CSRF guard)", async (_label, headers) => {
    const seenBefore = stub.seen.length;
    expect(await proxyToken(stub.endpoint("echo"), form(), headers)).toMatchObject({ status: 403, json: { error: "cross_origin_refused" } });
    expect(stub.seen.length).toBe(seenBefore);
  });

  it("sends no CORS headers", async () => {
    const response = await proxyToken(stub.endpoint("echo"), form(), { Origin: proxy.origin });
    expect(Object.keys(response.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });
});

describe("an unexpected handler error", () => {
  it("becomes a plain 500 that leaks nothing, and the server keeps serving", async () => {
    const failing = await startWorkbenchServer({
      port: 0,
      distDir: "/nonexistent-dist",
      extraAuthorities: [stub.origin],
      extraCaPem: tls.cert,
      logger: (line) => {
        if (line.startsWith("token host=")) throw new Error("logger exploded: /secret/path");
      },
    });
    try {
      const response = await postJson(`${failing.origin}/api/token`, { tokenEndpoint: stub.endpoint("echo"), form: form() });
      expect(response.status).toBe(500);
      expect(Object.keys(response.json as object).sort()).toEqual(["error", "message"]);
      expect(response.text).not.toMatch(/exploded|secret|\n\s+at /);
      expect((await sendTestRequest(`${failing.origin}/healthz`)).status).toBe(200);
    } finally {
      await failing.close();
    }
  });
});
