// The real entry point as a process: env vars, NODE_EXTRA_CA_CERTS, the start line, graceful stop.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockTokenService, type MockTokenService } from "../e2e/support/mock-token-service";
import { createLoopbackTls, createTestCertificate, type TestCertificate } from "../e2e/support/test-tls";
import { postJson, sendTestRequest } from "./testing/http-client";
import { signTestAssertion } from "./testing/sign-test-assertion";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const TENANT = randomUUID();
const CLIENT_ID = randomUUID();

let tls: TestCertificate;
let clientCertificate: TestCertificate;
let mock: MockTokenService;
let child: ChildProcess;
let output = "";
let origin = "";

beforeAll(async () => {
  tls = createLoopbackTls();
  clientCertificate = createTestCertificate({ commonName: "workbench-main-test" });
  mock = await startMockTokenService({ tenant: TENANT, clientId: CLIENT_ID, registeredCertificatesPem: [clientCertificate.cert], tls });
  child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", WORKBENCH_EXTRA_AUTHORITIES: mock.origin, NODE_EXTRA_CA_CERTS: tls.certPath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!/Credential Workbench on (http:\/\/\S+)/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  origin = /Credential Workbench on (http:\/\/\S+)/.exec(output)?.[1] ?? "";
});

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await mock.close();
  tls.dispose();
  clientCertificate.dispose();
});

describe("server/main.ts as a process", () => {
  it("prints one start line with the loopback origin", () => {
    expect(output).toMatch(/^Credential Workbench on http:\/\/127\.0\.0\.1:\d+\n$/);
  });

  it("reads WORKBENCH_EXTRA_AUTHORITIES and trusts NODE_EXTRA_CA_CERTS for the upstream", async () => {
    expect((await sendTestRequest(`${origin}/api/config`)).json).toEqual({ proxy: true, extraAuthorities: [mock.origin] });
    const endpoint = mock.tokenEndpoint();
    const assertion = signTestAssertion({ keyPem: clientCertificate.key, certificatePem: clientCertificate.cert, clientId: CLIENT_ID, audience: endpoint });
    const response = await postJson(`${origin}/api/token`, {
      tokenEndpoint: endpoint,
      form: { grant_type: "client_credentials", client_id: CLIENT_ID, scope: "https://graph.microsoft.com/.default", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion },
    });
    expect(response.json).toMatchObject({ status: 200, body: { token_type: "Bearer" } });
    expect(output).not.toContain(assertion);
  });

  it("stops cleanly on SIGTERM", async () => {
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
  });
});
