// POST /api/token with a client secret and with a federated token, through a real listening proxy to the mock Entra service.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { exportJWK, SignJWT } from "jose";
import { startMockTokenService, type MockTokenService } from "../e2e/support/mock-token-service";
import { createLoopbackTls, type TestCertificate } from "../e2e/support/test-tls";
import { postJson, type TestResponse } from "./testing/http-client";
import { startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

const TENANT = randomUUID();
const CLIENT_ID = randomUUID();
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const SECRET = "Prx8Q~secretvalue-for-the-proxy-test.0001";
const ISSUER = "https://issuer.proxy.test";
const SUBJECT = "system:serviceaccount:apps:workload-sa";
const issuerKey = generateKeyPairSync("rsa", { modulusLength: 2048 });

let tls: TestCertificate;
let mock: MockTokenService;
let proxy: RunningWorkbenchServer;
const logLines: string[] = [];
const consoleSpies: MockInstance[] = [];

beforeAll(async () => {
  tls = createLoopbackTls();
  const jwk = { ...(await exportJWK(issuerKey.publicKey)), kid: "k1", alg: "RS256" };
  mock = await startMockTokenService({
    tenant: TENANT,
    clientId: CLIENT_ID,
    registeredCertificatesPem: [],
    tls,
    clientSecrets: [{ value: SECRET }],
    federatedCredentials: [{ issuer: ISSUER, subject: SUBJECT, audiences: ["api://AzureADTokenExchange"], jwks: { keys: [jwk] } }],
  });
  proxy = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [mock.origin], extraCaPem: tls.cert, upstreamTimeoutMs: 5_000, logger: (line) => logLines.push(line) });
  for (const method of ["log", "info", "warn", "error", "debug"] as const) consoleSpies.push(vi.spyOn(console, method));
});

afterAll(async () => {
  for (const spy of consoleSpies) spy.mockRestore();
  await proxy.close();
  await mock.close();
  tls.dispose();
});

afterEach(() => {
  // Nothing the proxy wrote — its log lines or anything on the console — holds a credential.
  const written = [...logLines, ...consoleSpies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(" ")))].join("\n");
  expect(written).not.toContain(SECRET);
  expect(written).not.toContain("eyJ");
});

function federatedToken(): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer(ISSUER).setSubject(SUBJECT).setAudience("api://AzureADTokenExchange").setIssuedAt().setExpirationTime("5m").sign(issuerKey.privateKey);
}

function proxyToken(form: Record<string, string>): Promise<TestResponse> {
  return postJson(`${proxy.origin}/api/token`, { tokenEndpoint: mock.tokenEndpoint(), form: { grant_type: "client_credentials", client_id: CLIENT_ID, scope: "https://graph.microsoft.com/.default", ...form } });
}

describe("/api/token with a client secret (client_secret_post)", () => {
  it("forwards client_secret and the token comes back", async () => {
    const response = await proxyToken({ client_secret: SECRET });
    expect(response).toMatchObject({ status: 200, json: { status: 200, body: { token_type: "Bearer" } } });
  });
  it("a wrong secret comes back as Entra's 7000215, not as a proxy error", async () => {
    expect(await proxyToken({ client_secret: randomUUID() })).toMatchObject({ status: 200, json: { status: 401, body: { error_codes: [7000215] } } });
  });
  it("client_secret with client_assertion is refused before anything is sent", async () => {
    const before = mock.requests.length;
    const response = await proxyToken({ client_secret: SECRET, client_assertion_type: JWT_BEARER, client_assertion: await federatedToken() });
    expect(response).toMatchObject({ status: 400, json: { error: "conflicting_client_credentials" } });
    expect((response.json as { message: string }).message).toMatch(/one way only/);
    expect((response.json as { message: string }).message).not.toContain(SECRET);
    expect(mock.requests.length).toBe(before);
  });
});

describe("/api/token with a federated token", () => {
  it("forwards the external token as the client assertion and the token comes back", async () => {
    const response = await proxyToken({ client_assertion_type: JWT_BEARER, client_assertion: await federatedToken() });
    expect(response).toMatchObject({ status: 200, json: { status: 200, body: { token_type: "Bearer" } } });
  });
});
