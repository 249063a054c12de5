// `npm start` and `npm run serve` as a user runs them: one signal to the npm process stops the
// server, and leaves no orphan holding the port. `--ignore-scripts` skips only prestart (the build); the start script
// itself runs as it does for a user.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sendTestRequest } from "../test-support/http-client";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const START_LINE = /Credential Workbench on (http:\/\/127\.0\.0\.1:(\d+))/;

/** True when nothing listens on 127.0.0.1:port any more (we can listen there ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function waitForPortFree(port: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await portIsFree(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return portIsFree(port);
}

/** Who gets the signal: the npm process alone (`kill <pid>`), or its whole process group (Ctrl+C in a terminal). */
type Target = "npm process" | "process group";

describe.each<[string, string[], NodeJS.Signals, Target]>([
  ["npm start", ["start", "--ignore-scripts"], "SIGTERM", "npm process"],
  ["npm run serve", ["run", "serve"], "SIGTERM", "npm process"],
  ["npm start", ["start", "--ignore-scripts"], "SIGINT", "process group"],
])("%s", (_label, npmArguments, signal, target) => {
  it(`stops the server when the ${target} gets ${signal}`, async () => {
    const npm = spawn("npm", npmArguments, {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
      // A process group of its own, as a terminal gives a foreground command.
      detached: target === "process group",
    });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Every process that holds npm's stdout or stderr — the server included — has exited when this fires.
    const allOutputClosed = once(npm, "close");
    try {
      const startedBy = Date.now() + 30_000;
      while (!START_LINE.test(output)) {
        if (Date.now() > startedBy || npm.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const [, origin = "", portText = ""] = START_LINE.exec(output) ?? [];
      const port = Number(portText);
      expect((await sendTestRequest(`${origin}/healthz`)).status).toBe(200);

      if (target === "process group") process.kill(-(npm.pid ?? 0), signal);
      else npm.kill(signal);
      await Promise.race([allOutputClosed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      expect(await waitForPortFree(port, 1_000)).toBe(true);
      expect(output).toMatch(/Stopped \(/);
    } finally {
      if (npm.exitCode === null) npm.kill("SIGKILL");
    }
  }, 60_000);
});
