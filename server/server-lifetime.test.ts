// How long the real server process lives (server/main.ts): started directly, it runs until it is
// signalled, even after the shell that launched it exits; under npm (npm start, npm run serve) it
// stops when npm is gone, since npm's shell does not pass signals on.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { sendTestRequest } from "../test-support/http-client";
import { readProcStat, startedByNpmScript } from "./starter-watch";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const START_LINE = /Credential Workbench on (http:\/\/127\.0\.0\.1:\d+)/;
/** Several times the starter watch's 250 ms interval: long enough for it to have noticed. */
const WATCH_NOTICE_MS = 1_500;
const SERVER_COMMAND = "node --import tsx server/main.ts";

/** This environment without anything npm set, as a shell the user opened has it. */
function environmentWithoutNpm(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return { ...env, PORT: "0", HOST: "127.0.0.1", ...extra };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor<T>(read: () => T | undefined, withinMs: number, what: string): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const started: number[] = [];
const directories: string[] = [];
afterEach(() => {
  // Only the processes this file started, by their pid.
  for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("startedByNpmScript", () => {
  const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

  it.each(["start", "serve"])("recognises npm running the %s script, as package.json has it", (name) => {
    expect(startedByNpmScript({ npm_lifecycle_event: name, npm_lifecycle_script: scripts[name] })).toBe(true);
  });

  it.each<[string, NodeJS.ProcessEnv]>([
    ["no npm at all", {}],
    ["a server started by hand inside another npm script (npm test)", { npm_lifecycle_event: "test:unit", npm_lifecycle_script: "vitest run" }],
    ["an empty event name", { npm_lifecycle_event: "", npm_lifecycle_script: SERVER_COMMAND }],
  ])("does not for %s", (_label, env) => {
    expect(startedByNpmScript(env)).toBe(false);
  });
});

describe.runIf(process.platform === "linux")("server/main.ts as a process", () => {
  it("started directly from a shell that then exits, it goes on answering until it is signalled", async () => {
    const directory = mkdtempSync(join(tmpdir(), "workbench-lifetime-"));
    directories.push(directory);
    const log = join(directory, "server.log");
    // `cmd &`, then the shell waits (for its stdin to end) and exits: the server is orphaned, as
    // after `node … &` in a terminal that is then closed.
    const shell = spawn("sh", ["-c", `${SERVER_COMMAND} >"${log}" 2>&1 & echo $!; read _`], { cwd: REPO_ROOT, env: environmentWithoutNpm({}), stdio: ["pipe", "pipe", "inherit"] });
    const shellExited = once(shell, "exit");
    let printed = "";
    shell.stdout.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    const serverPid = await waitFor(() => (/^\d+\n/.test(printed) ? Number(printed.trim()) : undefined), 10_000, "the server's pid");
    started.push(serverPid);

    const origin = await waitFor(() => START_LINE.exec(readFileSync(log, "utf8"))?.[1], 30_000, "the start line");
    expect(readProcStat(serverPid)?.parentPid).toBe(shell.pid);
    shell.stdin.end();
    await shellExited;
    // The shell that started it is gone: the server has another parent now.
    expect(readProcStat(serverPid)?.parentPid).not.toBe(shell.pid);
    await new Promise((resolve) => setTimeout(resolve, WATCH_NOTICE_MS));
    expect(isAlive(serverPid)).toBe(true);
    expect(await sendTestRequest(`${origin}/healthz`)).toMatchObject({ status: 200, json: { ok: true } });

    process.kill(serverPid, "SIGTERM");
    await waitFor(() => (isAlive(serverPid) ? undefined : true), 10_000, "the server to stop");
    expect(readFileSync(log, "utf8")).toMatch(/Stopped \(SIGTERM\)/);
  }, 60_000);

  it("under an npm-like starter (a process running `sh -c <script>` with npm's variables), it stops when that starter exits", async () => {
    // What npm does (@npmcli/run-script): `sh -c <script>` with npm_lifecycle_event/_script set. This
    // starter then exits without passing anything on, as npm does after a signal its shell ignored.
    const starterSource = `
      const { spawn } = require("node:child_process");
      spawn("sh", ["-c", process.env.npm_lifecycle_script], { stdio: "inherit" });
      process.on("SIGUSR2", () => process.exit(0));
      setInterval(() => undefined, 1000);
    `;
    const starter: ChildProcess = spawn(process.execPath, ["-e", starterSource], {
      cwd: REPO_ROOT,
      env: environmentWithoutNpm({ npm_lifecycle_event: "start", npm_lifecycle_script: SERVER_COMMAND }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (starter.pid !== undefined) started.push(starter.pid);
    let output = "";
    starter.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    starter.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    // Fires once every holder of the output pipe (the starter, its shell, the server) has exited.
    const everyoneGone = once(starter, "close");

    const origin = await waitFor(() => START_LINE.exec(output)?.[1], 30_000, "the start line");
    const serverPid = await waitFor(() => serverPidUnder(starter.pid ?? 0), 5_000, "the server's pid");
    started.push(serverPid);
    expect((await sendTestRequest(`${origin}/healthz`)).status).toBe(200);

    starter.kill("SIGUSR2");
    await Promise.race([everyoneGone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(isAlive(serverPid)).toBe(false);
    expect(output).toMatch(/Stopped \(npm, which started the server, has exited\)/);
  }, 60_000);
});

/** The pid of the node process running server/main.ts below `ancestor` (directly or under its shell). */
function serverPidUnder(ancestor: number): number | undefined {
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
    } catch {
      continue;
    }
    if (!commandLine.includes("server/main.ts") || commandLine.startsWith("sh ")) continue;
    const parent = readProcStat(pid)?.parentPid;
    if (parent === ancestor || (parent !== undefined && readProcStat(parent)?.parentPid === ancestor)) return pid;
  }
  return undefined;
}
