// POST /api/token with a client secret and with a federated token, through a real listening proxy to the mock Entra service.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { CLIENT_SECRET } from "../test-support/client-secrets";
import { createTestIssuer, type TestIssuer } from "../test-support/federated-issuer";
import { startLoopbackTokenService, type LoopbackTokenService } from "../test-support/loopback-token-service";
import { postJson, type TestResponse } from "../test-support/http-client";
import { startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

const TENANT = randomUUID();
const CLIENT_ID = randomUUID();
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

let issuer: TestIssuer;
let mock: LoopbackTokenService;
let proxy: RunningWorkbenchServer;
const logLines: string[] = [];
const consoleSpies: MockInstance[] = [];

beforeAll(async () => {
  issuer = await createTestIssuer({ issuer: "https://issuer.proxy.test", subject: "system:serviceaccount:apps:workload-sa" });
  mock = await startLoopbackTokenService({
    tenant: TENANT,
    clientId: CLIENT_ID,
    registeredCertificatesPem: [],
    clientSecrets: [{ value: CLIENT_SECRET }],
    federatedCredentials: [issuer.credential],
  });
  proxy = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [mock.origin], extraCaPem: mock.tls.cert, upstreamTimeoutMs: 5_000, logger: (line) => logLines.push(line) });
  for (const method of ["log", "info", "warn", "error", "debug"] as const) consoleSpies.push(vi.spyOn(console, method));
});

afterAll(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  await proxy.close();
  await mock.close();
});

afterEach(() => {
  // Nothing the proxy wrote — its log lines or anything on the console — holds a credential.
  const written = [...logLines, ...consoleSpies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")))].join("\n");
  expect(written).not.toContain(CLIENT_SECRET);
  expect(written).not.toContain("eyJ");
});

function proxyToken(form: Record<string, string>): Promise<TestResponse> {
  return postJson(`${proxy.origin}/api/token`, { tokenEndpoint: mock.tokenEndpoint(), form: { grant_type: "client_credentials", client_id: CLIENT_ID, scope: "https://graph.microsoft.com/.default", ...form } });
}

describe("/api/token with a client secret (client_secret_post)", () => {
  it("forwards client_secret and the token comes back", async () => {
    const response = await proxyToken({ client_secret: CLIENT_SECRET });
    expect(response).toMatchObject({ status: 200, json: { status: 200, body: { token_type: "Bearer" } } });
  });
  it("a wrong secret comes back as Entra's 7000215, not as a proxy error", async () => {
    expect(await proxyToken({ client_secret: randomUUID() })).toMatchObject({ status: 200, json: { status: 401, body: { error_codes: [7000215] } } });
  });
  it("client_secret with client_assertion is refused before anything is sent", async () => {
    const before = mock.requests.length;
    const response = await proxyToken({ client_secret: CLIENT_SECRET, client_assertion_type: JWT_BEARER, client_assertion: await issuer.token() });
    expect(response).toMatchObject({ status: 400, json: { error: "conflicting_client_credentials" } });
    expect((response.json as { message: string }).message).toMatch(/one way only/);
    expect((response.json as { message: string }).message).not.toContain(CLIENT_SECRET);
    expect(mock.requests.length).toBe(before);
  });
});

describe("/api/token with a federated token", () => {
  it("forwards the external token as the client assertion and the token comes back", async () => {
    const response = await proxyToken({ client_assertion_type: JWT_BEARER, client_assertion: await issuer.token() });
    expect(response).toMatchObject({ status: 200, json: { status: 200, body: { token_type: "Bearer" } } });
  });
});
