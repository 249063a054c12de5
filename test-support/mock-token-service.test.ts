// Tests of the mock Entra token service itself (mock-token-service.ts), so product tests can trust its answers.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importJWK, jwtVerify } from "jose";
import { CLIENT_SECRET, EXPIRED_CLIENT_SECRET } from "./client-secrets";
import { createTestIssuer, type FederatedTokenOverrides, type TestIssuer } from "./federated-issuer";
import { startMockTokenService, type MockTokenService } from "./mock-token-service";
import { createLoopbackTls, createTestCertificate, type TestCertificate } from "./test-tls";
import { sendTestRequest, type TestResponse } from "./http-client";
import { certificateThumbprints, signTestAssertion, type TestAssertionInput } from "./sign-test-assertion";

const TENANT = randomUUID();
const CLIENT_ID = randomUUID();
const GRAPH_SCOPE = "https://graph.microsoft.com/.default";
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

let tls: TestCertificate;
let registered: TestCertificate;
let unregistered: TestCertificate;
let weak: TestCertificate;
let mock: MockTokenService;

beforeAll(async () => {
  tls = createLoopbackTls();
  registered = createTestCertificate({ commonName: "workbench-test" });
  unregistered = createTestCertificate({ commonName: "stranger" });
  weak = createTestCertificate({ commonName: "weak", keyBits: 1024 });
  mock = await startMockTokenService({
    tenant: TENANT,
    tenantDomains: ["contoso.onmicrosoft.com"],
    clientId: CLIENT_ID,
    registeredCertificatesPem: [registered.cert, weak.cert],
    tls,
    roles: ["Application.Read.All"],
  });
});

afterAll(async () => {
  await mock.close();
  for (const certificate of [tls, registered, unregistered, weak]) certificate.dispose();
});

function assertion(overrides: Partial<TestAssertionInput> = {}): string {
  return signTestAssertion({ keyPem: registered.key, certificatePem: registered.cert, clientId: CLIENT_ID, audience: mock.tokenEndpoint(), ...overrides });
}

function postForm(fields: Record<string, string>, options: { url?: string; headers?: Record<string, string> } = {}): Promise<TestResponse> {
  return sendTestRequest(options.url ?? mock.tokenEndpoint(), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...options.headers },
    body: new URLSearchParams(fields).toString(),
    ca: tls.cert,
  });
}

function tokenRequest(overrides: Record<string, string | undefined> = {}, options: { url?: string; headers?: Record<string, string> } = {}): Promise<TestResponse> {
  const fields: Record<string, string | undefined> = { grant_type: "client_credentials", client_id: CLIENT_ID, scope: GRAPH_SCOPE, client_assertion_type: JWT_BEARER, client_assertion: assertion(), ...overrides };
  const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return postForm(defined, options);
}

function aadsts(response: TestResponse): { status: number; error: unknown; code: unknown; description: string } {
  const body = response.json as { error?: unknown; error_codes?: unknown[]; error_description?: unknown };
  return { status: response.status, error: body.error, code: body.error_codes?.[0], description: String(body.error_description) };
}

describe("mock token service: success (docs/entra.md, 'The token request')", () => {
  it("issues an access token for RS256 + x5t, in Entra's shape", async () => {
    const response = await tokenRequest();
    expect(response.status).toBe(200);
    const body = response.json as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599 });
    const key = await importJWK(mock.accessTokenPublicJwk, "RS256");
    const { payload } = await jwtVerify(String(body.access_token), key, { audience: "https://graph.microsoft.com", issuer: `https://sts.windows.net/${TENANT}/` });
    expect(payload).toMatchObject({ tid: TENANT, appid: CLIENT_ID, azp: CLIENT_ID, roles: ["Application.Read.All"], oid: mock.servicePrincipalObjectId, sub: mock.servicePrincipalObjectId });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3599);
  });

  it("issues an access token for PS256 + x5t#S256", async () => {
    expect((await tokenRequest({ client_assertion: assertion({ alg: "PS256" }) })).status).toBe(200);
  });

  it("accepts the v1 endpoint with resource (with or without a trailing slash) when aud is the v1 URL, and a tenant domain", async () => {
    const v1 = mock.tokenEndpoint("v1");
    for (const resource of ["https://graph.microsoft.com", "https://graph.microsoft.com/"]) {
      const response = await tokenRequest({ scope: undefined, resource, client_assertion: assertion({ audience: v1 }) }, { url: v1 });
      expect(response.status).toBe(200);
      const key = await importJWK(mock.accessTokenPublicJwk, "RS256");
      const { payload } = await jwtVerify(String((response.json as Record<string, unknown>).access_token), key, { audience: "https://graph.microsoft.com" });
      expect(payload.ver).toBe("1.0");
    }
    const byDomain = `${mock.origin}/contoso.onmicrosoft.com/oauth2/v2.0/token`;
    expect((await tokenRequest({ client_assertion: assertion({ audience: byDomain }) }, { url: byDomain })).status).toBe(200);
  });

  it("accepts clocks within the 5-minute skew", async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await tokenRequest({ client_assertion: assertion({ now: now + 240 }) })).status).toBe(200);
  });
});

describe("mock token service: refusals with Entra's AADSTS codes", () => {
  it("answers Entra's error shape", async () => {
    const response = await tokenRequest({ client_id: randomUUID() });
    const body = response.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["correlation_id", "error", "error_codes", "error_description", "error_uri", "timestamp", "trace_id"]);
    expect(String(body.error_description)).toMatch(/^AADSTS700016: .*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/s);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it.each<[string, () => Promise<TestResponse>, number, string, number]>([
    ["an Origin header", () => tokenRequest({}, { headers: { Origin: "http://127.0.0.1:8080" } }), 400, "invalid_request", 9002326],
    ["an unknown tenant", () => tokenRequest({}, { url: `${mock.origin}/${randomUUID()}/oauth2/v2.0/token` }), 400, "invalid_request", 90002],
    ["an unknown client ID", () => tokenRequest({ client_id: randomUUID() }), 400, "unauthorized_client", 700016],
    ["another grant type", () => tokenRequest({ grant_type: "password" }), 400, "unsupported_grant_type", 70003],
    ["no grant type", () => tokenRequest({ grant_type: undefined }), 400, "invalid_request", 900144],
    ["neither assertion nor secret", () => tokenRequest({ client_assertion: undefined, client_assertion_type: undefined }), 401, "invalid_client", 7000218],
    ["a wrong client_assertion_type", () => tokenRequest({ client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:saml2-bearer" }), 400, "invalid_request", 90011],
    ["a scope without /.default", () => tokenRequest({ scope: "https://graph.microsoft.com/User.Read" }), 400, "invalid_scope", 1002012],
    ["an unknown resource", () => tokenRequest({ scope: "api://unknown/.default" }), 400, "invalid_resource", 500011],
    ["an assertion that is no JWT", () => tokenRequest({ client_assertion: "not-a-jwt" }), 401, "invalid_client", 50027],
    ["an unsupported alg", () => tokenRequest({ client_assertion: assertion({ alg: "HS256" }) }), 401, "invalid_client", 5002730],
    ["an unregistered certificate", () => tokenRequest({ client_assertion: assertion({ keyPem: unregistered.key, certificatePem: unregistered.cert }) }), 401, "invalid_client", 700027],
    ["a SHA-256 digest in x5t", () => tokenRequest({ client_assertion: assertion({ header: { alg: "RS256", typ: "JWT", x5t: certificateThumbprints(registered.cert).x5tS256 } }) }), 401, "invalid_client", 700027],
    ["PS256 with a SHA-1 x5t", () => tokenRequest({ client_assertion: assertion({ alg: "PS256", header: { alg: "PS256", typ: "JWT", x5t: certificateThumbprints(registered.cert).x5t } }) }), 401, "invalid_client", 700027],
    ["RS256 with only x5t#S256", () => tokenRequest({ client_assertion: assertion({ header: { alg: "RS256", typ: "JWT", "x5t#S256": certificateThumbprints(registered.cert).x5tS256 } }) }), 401, "invalid_client", 700027],
    ["a signature by another key", () => tokenRequest({ client_assertion: assertion({ keyPem: unregistered.key }) }), 401, "invalid_client", 700027],
    ["a 1024-bit key", () => tokenRequest({ client_assertion: assertion({ keyPem: weak.key, certificatePem: weak.cert }) }), 401, "invalid_client", 50032],
    ["aud = another endpoint", () => tokenRequest({ client_assertion: assertion({ audience: "https://login.microsoftonline.com/x/oauth2/v2.0/token" }) }), 401, "invalid_client", 70002],
    ["aud = the v1 URL on the v2 endpoint", () => tokenRequest({ client_assertion: assertion({ audience: mock.tokenEndpoint("v1") }) }), 401, "invalid_client", 70002],
    ["two aud values", () => tokenRequest({ client_assertion: assertion({ audience: [mock.tokenEndpoint(), mock.origin] }) }), 401, "invalid_client", 5002741],
    ["sub ≠ iss", () => tokenRequest({ client_assertion: assertion({ claims: { sub: randomUUID() } }) }), 401, "invalid_client", 50048],
    ["iss = sub ≠ client_id", () => { const other = randomUUID(); return tokenRequest({ client_assertion: assertion({ claims: { iss: other, sub: other } }) }); }, 401, "invalid_client", 700021],
    ["an expired assertion", () => tokenRequest({ client_assertion: assertion({ now: Math.floor(Date.now() / 1000) - 3600 }) }), 401, "invalid_client", 700024],
    ["nbf in the future", () => tokenRequest({ client_assertion: assertion({ now: Math.floor(Date.now() / 1000) + 900 }) }), 401, "invalid_client", 700024],
    ["a lifetime over a day", () => tokenRequest({ client_assertion: assertion({ claims: { exp: Math.floor(Date.now() / 1000) + 2 * 86_400 } }) }), 401, "invalid_client", 700024],
    ["no exp", () => tokenRequest({ client_assertion: assertion({ claims: { exp: undefined } }) }), 401, "invalid_client", 50027],
    ["a GET", () => sendTestRequest(mock.tokenEndpoint(), { ca: tls.cert }), 400, "invalid_request", 900561],
    ["scope instead of resource on the v1 endpoint", () => tokenRequest({ client_assertion: assertion({ audience: mock.tokenEndpoint("v1") }) }, { url: mock.tokenEndpoint("v1") }), 400, "invalid_request", 900144],
    ["a v1 resource with /.default", () => tokenRequest({ scope: undefined, resource: GRAPH_SCOPE, client_assertion: assertion({ audience: mock.tokenEndpoint("v1") }) }, { url: mock.tokenEndpoint("v1") }), 400, "invalid_resource", 500011],
    ["resource on the v2.0 endpoint", () => tokenRequest({ resource: "https://graph.microsoft.com" }), 400, "invalid_request", 901002],
  ])("refuses %s", async (_label, send, status, error, code) => {
    expect(aadsts(await send())).toMatchObject({ status, error, code });
  });

  it("names the missing 'resource' parameter on the v1 endpoint (AADSTS900144, observed)", async () => {
    const v1 = mock.tokenEndpoint("v1");
    const response = await tokenRequest({ client_assertion: assertion({ audience: v1 }) }, { url: v1 });
    expect(aadsts(response).description).toMatch(/^AADSTS900144: The request body must contain the following parameter: 'resource'\./);
  });

  it("names the client's thumbprint in 700027, in upper-case hex", async () => {
    const response = await tokenRequest({ client_assertion: assertion({ keyPem: unregistered.key, certificatePem: unregistered.cert }) });
    expect(aadsts(response).description).toContain(`Thumbprint of key used by client: '${certificateThumbprints(unregistered.cert).sha1Hex}'`);
  });

  it("refuses a replayed jti with 50012 (best guess, see the mock's header comment)", async () => {
    const once = assertion();
    expect((await tokenRequest({ client_assertion: once })).status).toBe(200);
    expect(aadsts(await tokenRequest({ client_assertion: once }))).toMatchObject({ status: 401, code: 50012 });
  });
});

describe("mock token service: what it records", () => {
  it("records header names and whether Origin was present, never values", async () => {
    await tokenRequest({}, { headers: { Origin: "http://evil.example", Cookie: "secret=1" } });
    const seen = mock.requests.at(-1);
    expect(seen).toMatchObject({ method: "POST", hadOrigin: true, aadstsCode: 9002326 });
    expect(seen?.headerNames).toContain("cookie");
    expect(JSON.stringify(seen)).not.toContain("secret=1");
    expect(JSON.stringify(seen)).not.toContain("evil.example");
  });
});

describe("mock token service: client secrets and federated credentials", () => {
  const ISSUER = "https://issuer.workbench.test";
  const SUBJECT = "repo:Contoso/web:environment:prod";
  // The test's own issuer: a key pair from Node's crypto, tokens signed by jose.
  let issuer: TestIssuer;
  let credentialsMock: MockTokenService;

  beforeAll(async () => {
    issuer = await createTestIssuer({ issuer: ISSUER, subject: SUBJECT });
    credentialsMock = await startMockTokenService({
      tenant: TENANT,
      clientId: CLIENT_ID,
      registeredCertificatesPem: [],
      tls,
      clientSecrets: [{ value: CLIENT_SECRET }, { value: EXPIRED_CLIENT_SECRET, expiresAt: Math.floor(Date.now() / 1000) - 86_400 }],
      federatedCredentials: [issuer.credential],
    });
  });
  afterAll(async () => {
    await credentialsMock.close();
  });

  function post(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<TestResponse> {
    return postForm({ grant_type: "client_credentials", scope: GRAPH_SCOPE, ...fields }, { url: credentialsMock.tokenEndpoint(), headers });
  }

  function basic(clientId: string, secret: string): string {
    // RFC 6749 §2.3.1: each part form-urlencoded, then base64 of "id:secret".
    const encode = (text: string) => new URLSearchParams({ v: text }).toString().slice(2);
    return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
  }

  it("a right secret in the body or by HTTP Basic gets a token; neither trigger when wrong", async () => {
    expect((await post({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET })).status).toBe(200);
    expect((await post({}, { Authorization: basic(CLIENT_ID, CLIENT_SECRET) })).status).toBe(200);
    expect(aadsts(await post({}, { Authorization: basic(CLIENT_ID, `${CLIENT_SECRET}x`) }))).toMatchObject({ status: 401, code: 7000215 });
  });
  it("a wrong secret (e.g. the secret's ID) is 7000215 with Entra's sentence; an expired one 7000222", async () => {
    const wrong = aadsts(await post({ client_id: CLIENT_ID, client_secret: randomUUID() }));
    expect(wrong).toMatchObject({ status: 401, error: "invalid_client", code: 7000215 });
    expect(wrong.description).toContain("the client secret value, not the client secret ID");
    expect(aadsts(await post({ client_id: CLIENT_ID, client_secret: EXPIRED_CLIENT_SECRET }))).toMatchObject({ status: 401, code: 7000222 });
  });
  it("a secret and an assertion together are refused", async () => {
    expect(aadsts(await post({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, client_assertion_type: JWT_BEARER, client_assertion: await issuer.token() })).code).toBe(90014);
  });
  it("a matching federated token gets a token", async () => {
    expect((await post({ client_id: CLIENT_ID, client_assertion_type: JWT_BEARER, client_assertion: await issuer.token() })).status).toBe(200);
  });
  it.each<[string, FederatedTokenOverrides, number]>([
    ["another issuer", { iss: `${ISSUER}/` }, 700211],
    ["a subject differing only in case", { sub: SUBJECT.toLowerCase() }, 7002138],
    ["another subject", { sub: "repo:Contoso/web:pull_request" }, 700213],
    ["another audience", { aud: "https://github.com/Contoso" }, 700212],
    ["an expired token (past the 5-minute skew)", { exp: Math.floor(Date.now() / 1000) - 400 }, 700024],
    ["an unknown kid", { kid: "rotated-away" }, 7000272],
  ])("a federated token with %s is refused with its code", async (_label, overrides, code) => {
    expect(aadsts(await post({ client_id: CLIENT_ID, client_assertion_type: JWT_BEARER, client_assertion: await issuer.token(overrides) }))).toMatchObject({ status: 401, code });
  });
  it("a federated token signed by another key is 700027", async () => {
    const forged = await issuer.forgedToken();
    expect(aadsts(await post({ client_id: CLIENT_ID, client_assertion_type: JWT_BEARER, client_assertion: forged })).code).toBe(700027);
  });
});
