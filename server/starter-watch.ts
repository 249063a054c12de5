import { readFileSync } from "node:fs";

/**
 * Watches the process that started the server, so that one signal to `npm start` stops it. Only
 * under npm: a server started any other way (`node --import tsx server/main.ts &`, nohup, a service
 * manager) runs until it is signalled, whatever becomes of the shell that launched it.
 *
 * npm runs a script as `sh -c "<script>"` and forwards SIGINT/SIGTERM to that shell only
 * (@npmcli/run-script, signal-manager.js). A shell that does not exec its last command (Debian's
 * dash) then either dies on SIGTERM without passing it on, or, on SIGINT, keeps waiting for us
 * while npm exits. Either way the server would go on listening. So the server watches its parent
 * and, when that parent is such a shell, the shell's parent (npm) too, and stops when one is gone.
 *
 * On POSIX an orphan is adopted by init or a subreaper, so a changed ppid means the parent is
 * gone; the grandparent is found through /proc (Linux) and is simply not watched where there is
 * none (macOS's /bin/sh is bash, which execs the last command, so npm is the parent there).
 * Windows keeps the old ppid, but there Ctrl+C reaches every process of the console.
 */

const SHELLS = new Set(["sh", "dash", "bash", "zsh", "ash", "ksh", "busybox"]);

interface ProcStat {
  command: string;
  parentPid: number;
}

/** Reads `/proc/{pid}/stat` ("pid (comm) state ppid …"); undefined where there is no /proc. */
export function readProcStat(pid: number, read: (path: string) => string = (path) => readFileSync(path, "utf8")): ProcStat | undefined {
  let text: string;
  try {
    text = read(`/proc/${String(pid)}/stat`);
  } catch {
    return undefined;
  }
  // comm may itself hold spaces or parentheses: it ends at the last ")".
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  const fields = text.slice(close + 2).split(" ");
  const parentPid = Number(fields[1]);
  if (open < 0 || close < open || !Number.isInteger(parentPid)) return undefined;
  return { command: text.slice(open + 1, close), parentPid };
}

/**
 * True when npm is running this server as a package script (`npm start`, `npm run serve`): npm
 * sets npm_lifecycle_event to the script's name and npm_lifecycle_script to its command for the
 * script and everything it starts (@npmcli/run-script, set-path / make-spawn-args). The command
 * must be the server itself: a server started by hand from inside some other script (a test run
 * under `npm test`) is not npm's to stop.
 */
export function startedByNpmScript(env: NodeJS.ProcessEnv): boolean {
  const event = env.npm_lifecycle_event;
  const script = env.npm_lifecycle_script;
  return typeof event === "string" && event !== "" && typeof script === "string" && script.includes("server/main.ts");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/** Calls `onGone` once when the starting process (or npm above its shell) has exited. Returns a stop function. */
export function watchStarter(onGone: () => void, intervalMs = 250): () => void {
  const parentPid = process.ppid;
  const parent = readProcStat(parentPid);
  const grandparentPid = parent !== undefined && SHELLS.has(parent.command) && parent.parentPid > 1 ? parent.parentPid : undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parentPid || (grandparentPid !== undefined && !isAlive(grandparentPid))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
