/**
 * Proxy benchmark (not a test): `tsx scripts/bench-proxy.ts` (npm run bench:proxy).
 *
 * What it measures: the latency the proxy adds to one token request. On 127.0.0.1 only, it starts
 * a trivial HTTPS token endpoint (throwaway certificate) in a process of its own, and the workbench
 * server as a user runs it (`node --import tsx server/main.ts`, with WORKBENCH_EXTRA_AUTHORITIES and
 * NODE_EXTRA_CA_CERTS naming the endpoint) in another; this process is the client. It sends the
 * same token request at a fixed rate (500 requests/s by default, open loop: a request
 * is sent on schedule whether or not the previous ones have answered) directly to the endpoint and
 * through POST /api/token, in alternating blocks so that both see the same machine load. Each
 * client keeps its connections alive, as a browser and an Entra client do. Latency is from send
 * to the whole answer. Reports median, p90 and p99 of both, and the difference of the medians
 * against the target (at most 1 ms added), with the machine's load average before and after.
 * Writes bench/proxy-results.json (read by `npm run bench` into BENCHMARKS.md).
 *
 * Client, proxy and endpoint are three processes, as they would be for a user (the endpoint stands
 * in for Entra), but they share this machine's cores: on a busy machine the figures include the
 * wait for a core, which is why the load average is recorded.
 *
 * Env: BENCH_RATE (requests/s, default 500), BENCH_BLOCK_S (seconds per block, default 2),
 * BENCH_BLOCKS (blocks per mode, default 5), BENCH_TIME_CAP_S (default 120).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { createLoopbackTls } from "../test-support/test-tls";
import { median, percentile } from "./bench-stats";

const RATE_PER_SECOND = Number(process.env.BENCH_RATE ?? 500);
const BLOCK_MS = Number(process.env.BENCH_BLOCK_S ?? 2) * 1000;
const BLOCKS_PER_MODE = Number(process.env.BENCH_BLOCKS ?? 5);
const TIME_CAP_MS = Number(process.env.BENCH_TIME_CAP_S ?? 120) * 1000;
const WARM_UP_MS = 1_000;
/** The target: the proxy adds at most 1 ms at the median, nothing a user could notice next to Entra's own answer. */
const TARGET_ADDED_MEDIAN_MS = 1;
/** A request still unanswered this long after the last send counts as failed. */
const DRAIN_MS = 5_000;
const TENANT = "00000000-0000-0000-0000-00000000be0c";

/** A token response of realistic size (an access token is ~1.5 KiB). */
const TOKEN_RESPONSE = JSON.stringify({ token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: `eyJ0eXAiOiJKV1QifQ.${"x".repeat(1400)}.sig` });
const FORM = {
  grant_type: "client_credentials",
  client_id: "11111111-1111-1111-1111-111111111111",
  scope: "https://graph.microsoft.com/.default",
  client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
  client_assertion: `eyJhbGciOiJSUzI1NiJ9.${"y".repeat(400)}.${"z".repeat(342)}`,
};

type Mode = "direct" | "proxy";

interface ModeSamples {
  latenciesMs: number[];
  sent: number;
  failed: number;
}

interface ModeResult {
  name: string;
  sent: number;
  completed: number;
  failed: number;
  achievedRatePerSecond: number;
  medianMs: number;
  p90Ms: number;
  p99Ms: number;
}

const round3 = (value: number) => Number(value.toFixed(3));

/** Sends one request and resolves with its status once the whole body has arrived. */
function statusOf(start: (onResponse: (response: IncomingMessage) => void) => ClientRequest, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = start((response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * Sends `send` at RATE_PER_SECOND for `durationMs` on a fixed schedule (a late timer sends the
 * requests it owes at once), recording each latency into `samples` unless `samples` is undefined
 * (warm-up). Resolves when the last one has answered or DRAIN_MS after the last send.
 */
async function runAtFixedRate(durationMs: number, send: () => Promise<number>, samples: ModeSamples | undefined): Promise<void> {
  const intervalMs = 1000 / RATE_PER_SECOND;
  const total = Math.round(durationMs / intervalMs);
  const startedAt = performance.now();
  const pending = new Set<Promise<void>>();
  let index = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (index < total && startedAt + index * intervalMs <= now) {
        index += 1;
        const sentAt = performance.now();
        if (samples) samples.sent += 1;
        const done = send()
          .then((status) => {
            if (!samples) return;
            if (status === 200) samples.latenciesMs.push(performance.now() - sentAt);
            else samples.failed += 1;
          })
          .catch(() => {
            if (samples) samples.failed += 1;
          })
          .finally(() => pending.delete(done));
        pending.add(done);
      }
      if (index >= total) resolve();
      else setTimeout(tick, Math.max(0, startedAt + index * intervalMs - performance.now()));
    };
    tick();
  });
  await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(resolve, DRAIN_MS))]);
}

function summarize(name: string, samples: ModeSamples, seconds: number): ModeResult {
  const sorted = [...samples.latenciesMs].sort((a, b) => a - b);
  return {
    name,
    sent: samples.sent,
    completed: sorted.length,
    failed: samples.failed + (samples.sent - sorted.length - samples.failed),
    achievedRatePerSecond: Math.round(sorted.length / seconds),
    medianMs: round3(median(sorted)),
    p90Ms: round3(percentile(sorted, 0.9)),
    p99Ms: round3(percentile(sorted, 0.99)),
  };
}

/** The stand-in token endpoint, run as `bench-proxy.ts upstream`: prints one JSON line { origin, certPath }. */
async function runUpstream(): Promise<void> {
  const tls = createLoopbackTls();
  const upstream = createServer({ key: tls.key, cert: tls.cert, keepAlive: true }, (request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(TOKEN_RESPONSE)) });
      response.end(TOKEN_RESPONSE);
    });
  });
  // Longer than the proxy's own idle timeout, as a real front end's is.
  upstream.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const stop = () => {
    upstream.closeAllConnections();
    upstream.close();
    tls.dispose();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("disconnect", stop);
  console.log(JSON.stringify({ origin: `https://127.0.0.1:${String((upstream.address() as AddressInfo).port)}`, certPath: tls.certPath }));
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); undefined elsewhere.
 * It shows what the proxy costs per request whatever the machine's load.
 */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** Starts a child process and resolves with the first stdout line that matches `pattern`; the rest of its output is read and dropped. */
function startChild(args: string[], env: NodeJS.ProcessEnv, pattern: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(process.execPath, args, { cwd: new URL("..", import.meta.url), env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    let started = false;
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start:\n${output}`)), 30_000);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited (${String(code)}):\n${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve({ child, match });
      }
    });
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

async function main(): Promise<void> {
  const upstreamStart = await startChild(["--import", "tsx", "scripts/bench-proxy.ts", "upstream"], {}, /^(\{.*\})$/m);
  const upstreamInfo = JSON.parse(upstreamStart.match[1] ?? "{}") as { origin: string; certPath: string };
  const upstreamOrigin = upstreamInfo.origin;
  const upstreamCert = readFileSync(upstreamInfo.certPath, "utf8");
  const tokenEndpoint = `${upstreamOrigin}/${TENANT}/oauth2/v2.0/token`;
  let proxyChild: ChildProcess | undefined;
  try {
    const proxyStart = await startChild(
      ["--import", "tsx", "server/main.ts"],
      { PORT: "0", HOST: "127.0.0.1", WORKBENCH_EXTRA_AUTHORITIES: upstreamOrigin, NODE_EXTRA_CA_CERTS: upstreamInfo.certPath },
      /Credential Workbench on (http:\/\/\S+)/,
    );
    proxyChild = proxyStart.child;
    await measure(tokenEndpoint, upstreamCert, proxyStart.match[1] ?? "", proxyStart.child.pid);
  } finally {
    await stopChild(proxyChild);
    await stopChild(upstreamStart.child);
  }
}

async function measure(tokenEndpoint: string, upstreamCert: string, proxyOrigin: string, proxyPid: number | undefined): Promise<void> {
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64, ca: upstreamCert });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const formBody = new URLSearchParams(FORM).toString();
  const proxyBody = JSON.stringify({ tokenEndpoint, form: FORM });
  const senders: Record<Mode, () => Promise<number>> = {
    direct: () =>
      statusOf((onResponse) => httpsRequest(tokenEndpoint, { method: "POST", agent: httpsAgent, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(formBody)) } }, onResponse), formBody),
    proxy: () =>
      statusOf((onResponse) => httpRequest(`${proxyOrigin}/api/token`, { method: "POST", agent: httpAgent, headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(proxyBody)) } }, onResponse), proxyBody),
  };
  const samples: Record<Mode, ModeSamples> = { direct: { latenciesMs: [], sent: 0, failed: 0 }, proxy: { latenciesMs: [], sent: 0, failed: 0 } };
  const loadAtStart = loadavg().map((value) => Number(value.toFixed(2)));
  const deadline = Date.now() + TIME_CAP_MS;
  let blocksRun = 0;
  let proxyCpuSeconds = 0;

  try {
    await runAtFixedRate(WARM_UP_MS, senders.direct, undefined);
    await runAtFixedRate(WARM_UP_MS, senders.proxy, undefined);
    for (let block = 0; block < BLOCKS_PER_MODE && Date.now() < deadline; block += 1) {
      // Alternate which goes first, so neither always follows the other's leftovers.
      const order: Mode[] = block % 2 === 0 ? ["direct", "proxy"] : ["proxy", "direct"];
      for (const mode of order) {
        const cpuBefore = mode === "proxy" ? cpuSecondsOf(proxyPid) : undefined;
        await runAtFixedRate(BLOCK_MS, senders[mode], samples[mode]);
        const cpuAfter = mode === "proxy" ? cpuSecondsOf(proxyPid) : undefined;
        if (cpuBefore !== undefined && cpuAfter !== undefined) proxyCpuSeconds += cpuAfter - cpuBefore;
      }
      blocksRun += 1;
    }
    const seconds = (blocksRun * BLOCK_MS) / 1000;
    const direct = summarize("direct", samples.direct, seconds);
    const viaProxy = summarize("via proxy", samples.proxy, seconds);
    const addedMedianMs = round3(viaProxy.medianMs - direct.medianMs);
    const added = { name: "added by the proxy", medianMs: addedMedianMs, p90Ms: round3(viaProxy.p90Ms - direct.p90Ms), p99Ms: round3(viaProxy.p99Ms - direct.p99Ms), targetMedianMs: TARGET_ADDED_MEDIAN_MS };
    const loadAtEnd = loadavg().map((value) => Number(value.toFixed(2)));
    const results = {
      date: new Date().toISOString(),
      node: process.version,
      ratePerSecond: RATE_PER_SECOND,
      secondsPerMode: seconds,
      blocksPerMode: blocksRun,
      cpuCount: cpus().length,
      loadAverageStart: loadAtStart.join(" / "),
      loadAverageEnd: loadAtEnd.join(" / "),
      withinTarget: addedMedianMs <= TARGET_ADDED_MEDIAN_MS ? "yes" : "no",
      /** CPU time of the proxy process per forwarded request (Linux only), independent of waiting for a core. */
      proxyCpuMsPerRequest: samples.proxy.sent > 0 ? round3((proxyCpuSeconds * 1000) / samples.proxy.sent) : Number.NaN,
      direct,
      proxy: viaProxy,
      addedLatency: added,
    };

    for (const result of [direct, viaProxy]) {
      console.log(
        `${result.name.padEnd(10)} median ${result.medianMs.toFixed(3)} ms  p90 ${result.p90Ms.toFixed(3)} ms  p99 ${result.p99Ms.toFixed(3)} ms  (${String(result.completed)} of ${String(result.sent)} at ${String(result.achievedRatePerSecond)}/s, ${String(result.failed)} failed)`,
      );
    }
    console.log(`added by the proxy: median ${added.medianMs.toFixed(3)} ms (target ≤ ${String(TARGET_ADDED_MEDIAN_MS)} ms: ${results.withinTarget}), p90 ${added.p90Ms.toFixed(3)} ms, p99 ${added.p99Ms.toFixed(3)} ms`);
    console.log(`the proxy process used ${results.proxyCpuMsPerRequest.toFixed(3)} ms of CPU per forwarded request`);
    console.log(`load average (1/5/15 min) ${results.loadAverageStart} at the start, ${results.loadAverageEnd} at the end, on ${String(results.cpuCount)} CPUs`);
    if (blocksRun < BLOCKS_PER_MODE) console.log(`stopped at the ${String(TIME_CAP_MS / 1000)} s time cap after ${String(blocksRun)} blocks`);
    const outputDir = new URL("../bench/", import.meta.url);
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(new URL("proxy-results.json", outputDir), `${JSON.stringify(results, null, 2)}\n`);
    console.log("wrote bench/proxy-results.json");
    if (direct.failed > 0 || viaProxy.failed > 0) process.exitCode = 1;
  } finally {
    httpsAgent.destroy();
    httpAgent.destroy();
  }
}

if (process.argv[2] === "upstream") await runUpstream();
else await main();
