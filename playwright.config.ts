import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";
import { ensureMockAuthorityTls, MOCK_AUTHORITY_ORIGIN } from "./test-support/mock-authority";

const port = Number(process.env.E2E_PORT ?? 8391);
// The workbench trusts the local mock authority exactly as a user would configure it.
const mockTls = ensureMockAuthorityTls();

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${String(port)}`,
    launchOptions: chromiumLaunchOptions(),
    acceptDownloads: true,
    permissions: ["clipboard-read", "clipboard-write"],
  },
  webServer: {
    command: `node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${String(port)}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      WORKBENCH_EXTRA_AUTHORITIES: MOCK_AUTHORITY_ORIGIN,
      NODE_EXTRA_CA_CERTS: mockTls.certPath,
    },
  },
});
