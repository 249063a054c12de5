/**
 * The workbench server as `npm start` runs it — server/main.ts in a process of its own under tsx — for
 * tests that need the real entry point: its environment variables, its start line, everything it prints.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const START_LINE = /Credential Workbench on (http:\/\/\S+)/;

export interface ServerProcess {
  child: ChildProcess;
  /** The origin from the start line, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
}

/**
 * Starts server/main.ts on a free loopback port with `env` added to this process's environment, and
 * resolves once it has printed its start line (throws with its output if it exits or takes 30 s).
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (!START_LINE.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, origin: START_LINE.exec(output)?.[1] ?? "", output: () => output };
}
