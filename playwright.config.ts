import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";

const port = Number(process.env.E2E_PORT ?? 8391);

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
      WORKBENCH_EXTRA_AUTHORITIES: process.env.WORKBENCH_EXTRA_AUTHORITIES ?? "",
    },
  },
});
