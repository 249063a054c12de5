// The real entry point as a process: env vars, NODE_EXTRA_CA_CERTS, the start line, graceful stop.
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoopbackTokenService, type LoopbackTokenService } from "../test-support/loopback-token-service";
import { createTestCertificate, type TestCertificate } from "../test-support/test-tls";
import { postJson, sendTestRequest } from "../test-support/http-client";
import { startServerProcess, type ServerProcess } from "../test-support/server-process";
import { signTestAssertion } from "../test-support/sign-test-assertion";

const TENANT = randomUUID();
const CLIENT_ID = randomUUID();

let clientCertificate: TestCertificate;
let mock: LoopbackTokenService;
let server: ServerProcess;

beforeAll(async () => {
  clientCertificate = createTestCertificate({ commonName: "workbench-main-test" });
  mock = await startLoopbackTokenService({ tenant: TENANT, clientId: CLIENT_ID, registeredCertificatesPem: [clientCertificate.cert] });
  server = await startServerProcess({ WORKBENCH_EXTRA_AUTHORITIES: mock.origin, NODE_EXTRA_CA_CERTS: mock.tls.certPath });
});

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
  await mock.close();
  clientCertificate.dispose();
});

describe("server/main.ts as a process", () => {
  it("prints one start line with the loopback origin", () => {
    expect(server.output()).toMatch(/^Credential Workbench on http:\/\/127\.0\.0\.1:\d+\n$/);
  });

  it("reads WORKBENCH_EXTRA_AUTHORITIES and trusts NODE_EXTRA_CA_CERTS for the upstream", async () => {
    expect((await sendTestRequest(`${server.origin}/api/config`)).json).toEqual({ proxy: true, extraAuthorities: [mock.origin] });
    const endpoint = mock.tokenEndpoint();
    const assertion = signTestAssertion({ keyPem: clientCertificate.key, certificatePem: clientCertificate.cert, clientId: CLIENT_ID, audience: endpoint });
    const response = await postJson(`${server.origin}/api/token`, {
      tokenEndpoint: endpoint,
      form: { grant_type: "client_credentials", client_id: CLIENT_ID, scope: "https://graph.microsoft.com/.default", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion },
    });
    expect(response.json).toMatchObject({ status: 200, body: { token_type: "Bearer" } });
    expect(server.output()).not.toContain(assertion);
  });

  it("stops cleanly on SIGTERM", async () => {
    server.child.kill("SIGTERM");
    const [code] = (await once(server.child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
