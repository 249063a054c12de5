/**
 * Proxy benchmark (not a test): `tsx scripts/bench-proxy.ts` (npm run bench:proxy). Issue 13.
 *
 * What it measures: the latency the proxy adds to one token request. On 127.0.0.1 only, it starts
 * a trivial HTTPS token endpoint (throwaway certificate) and the workbench server in-process, then
 * sends the same token request at a fixed rate (500 requests/s by default, open loop: a request
 * is sent on schedule whether or not the previous ones have answered) directly to the endpoint and
 * through POST /api/token, in alternating blocks so that both see the same machine load. Each
 * client keeps its connections alive, as a browser and an Entra client do. Latency is from send
 * to the whole answer. Reports median, p90 and p99 of both, and the difference of the medians
 * against the target (at most 1 ms added), with the machine's load average before and after.
 * Writes bench/proxy-results.json (read by `npm run bench` into BENCHMARKS.md).
 *
 * Client, proxy and endpoint share one process and event loop, so the proxy's own work is on the
 * same thread as everything else: the difference is what the proxy costs in CPU and round trips.
 *
 * Env: BENCH_RATE (requests/s, default 500), BENCH_BLOCK_S (seconds per block, default 2),
 * BENCH_BLOCKS (blocks per mode, default 5), BENCH_TIME_CAP_S (default 120).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { createLoopbackTls } from "../e2e/support/test-tls";
import { startWorkbenchServer } from "../server/workbench-server";
import { median, percentile } from "./bench-stats";

const RATE_PER_SECOND = Number(process.env.BENCH_RATE ?? 500);
const BLOCK_MS = Number(process.env.BENCH_BLOCK_S ?? 2) * 1000;
const BLOCKS_PER_MODE = Number(process.env.BENCH_BLOCKS ?? 5);
const TIME_CAP_MS = Number(process.env.BENCH_TIME_CAP_S ?? 120) * 1000;
const WARM_UP_MS = 1_000;
/** Issue 13: the proxy adds at most 1 ms at the median. */
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

async function main(): Promise<void> {
  const tls = createLoopbackTls();
  const upstream = createServer({ key: tls.key, cert: tls.cert, keepAlive: true }, (request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(TOKEN_RESPONSE)) });
      response.end(TOKEN_RESPONSE);
    });
  });
  // Longer than the proxy's own idle timeout, as Entra's is.
  upstream.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const upstreamOrigin = `https://127.0.0.1:${String((upstream.address() as AddressInfo).port)}`;
  const tokenEndpoint = `${upstreamOrigin}/${TENANT}/oauth2/v2.0/token`;
  const proxy = await startWorkbenchServer({ port: 0, extraAuthorities: [upstreamOrigin], extraCaPem: tls.cert, logger: () => undefined });

  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64, ca: tls.cert });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const formBody = new URLSearchParams(FORM).toString();
  const proxyBody = JSON.stringify({ tokenEndpoint, form: FORM });
  const senders: Record<Mode, () => Promise<number>> = {
    direct: () =>
      statusOf((onResponse) => httpsRequest(tokenEndpoint, { method: "POST", agent: httpsAgent, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(formBody)) } }, onResponse), formBody),
    proxy: () =>
      statusOf((onResponse) => httpRequest(`${proxy.origin}/api/token`, { method: "POST", agent: httpAgent, headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(proxyBody)) } }, onResponse), proxyBody),
  };
  const samples: Record<Mode, ModeSamples> = { direct: { latenciesMs: [], sent: 0, failed: 0 }, proxy: { latenciesMs: [], sent: 0, failed: 0 } };
  const loadAtStart = loadavg().map((value) => Number(value.toFixed(2)));
  const deadline = Date.now() + TIME_CAP_MS;
  let blocksRun = 0;

  try {
    await runAtFixedRate(WARM_UP_MS, senders.direct, undefined);
    await runAtFixedRate(WARM_UP_MS, senders.proxy, undefined);
    for (let block = 0; block < BLOCKS_PER_MODE && Date.now() < deadline; block += 1) {
      // Alternate which goes first, so neither always follows the other's leftovers.
      const order: Mode[] = block % 2 === 0 ? ["direct", "proxy"] : ["proxy", "direct"];
      for (const mode of order) await runAtFixedRate(BLOCK_MS, senders[mode], samples[mode]);
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
    await proxy.close();
    upstream.closeAllConnections();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    tls.dispose();
  }
}

await main();
