/**
 * Proxy benchmark (not a test): `tsx scripts/bench-proxy.ts` (npm run bench:proxy).
 *
 * Starts, on 127.0.0.1 only, a trivial HTTPS token endpoint with a throwaway certificate and the
 * workbench server in-process, then sends the same token request N times (bounded concurrency,
 * hard time cap) directly to the upstream and through POST /api/token. Prints requests/s and
 * p50/p99 latency for both and the latency the proxy adds; writes bench/proxy-results.json.
 * Client, proxy and upstream share one process and event loop, so absolute numbers are
 * pessimistic; the comparison between the two runs is the point.
 *
 * Env: BENCH_REQUESTS (default 2000), BENCH_CONCURRENCY (default 16), BENCH_TIME_CAP_S (default 60).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, createServer, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { createLoopbackTls } from "../e2e/support/test-tls";
import { startWorkbenchServer } from "../server/workbench-server";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TIME_CAP_MS = Number(process.env.BENCH_TIME_CAP_S ?? 60) * 1000;
const WARM_UP_REQUESTS = 100;
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

interface RunResult {
  name: string;
  completed: number;
  failed: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sortedMs: number[], fraction: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1);
  return Number((sortedMs[Math.max(0, index)] ?? Number.NaN).toFixed(3));
}

/** Runs `send` `total` times, `CONCURRENCY` at a time, stopping early at `deadline`. */
async function run(name: string, total: number, deadline: number, send: () => Promise<number>): Promise<RunResult> {
  const latencies: number[] = [];
  let started = 0;
  let failed = 0;
  const startedAt = performance.now();
  async function worker(): Promise<void> {
    while (started < total && Date.now() < deadline) {
      started += 1;
      const t0 = performance.now();
      try {
        if ((await send()) !== 200) failed += 1;
        else latencies.push(performance.now() - t0);
      } catch {
        failed += 1;
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, completed: latencies.length, failed, seconds: Number(seconds.toFixed(3)), requestsPerSecond: Math.round(latencies.length / seconds), p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

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

async function main(): Promise<void> {
  const tls = createLoopbackTls();
  const upstream = createServer({ key: tls.key, cert: tls.cert, keepAlive: true }, (request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": String(Buffer.byteLength(TOKEN_RESPONSE)) });
      response.end(TOKEN_RESPONSE);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const upstreamOrigin = `https://127.0.0.1:${String((upstream.address() as AddressInfo).port)}`;
  const tokenEndpoint = `${upstreamOrigin}/${TENANT}/oauth2/v2.0/token`;
  const proxy = await startWorkbenchServer({ port: 0, extraAuthorities: [upstreamOrigin], extraCaPem: tls.cert, logger: () => undefined });

  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: CONCURRENCY, ca: tls.cert });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: CONCURRENCY });
  const formBody = new URLSearchParams(FORM).toString();
  const proxyBody = JSON.stringify({ tokenEndpoint, form: FORM });
  const direct = () =>
    statusOf((onResponse) => httpsRequest(tokenEndpoint, { method: "POST", agent: httpsAgent, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(formBody)) } }, onResponse), formBody);
  const viaProxy = () =>
    statusOf((onResponse) => httpRequest(`${proxy.origin}/api/token`, { method: "POST", agent: httpAgent, headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(proxyBody)) } }, onResponse), proxyBody);

  const deadline = Date.now() + TIME_CAP_MS;
  try {
    await run("warm-up direct", WARM_UP_REQUESTS, deadline, direct);
    await run("warm-up proxy", WARM_UP_REQUESTS, deadline, viaProxy);
    const directResult = await run("direct", REQUESTS, deadline, direct);
    const proxyResult = await run("via proxy", REQUESTS, deadline, viaProxy);
    const added = { p50Ms: Number((proxyResult.p50Ms - directResult.p50Ms).toFixed(3)), p99Ms: Number((proxyResult.p99Ms - directResult.p99Ms).toFixed(3)) };
    const results = { date: new Date().toISOString(), node: process.version, requests: REQUESTS, concurrency: CONCURRENCY, timeCapSeconds: TIME_CAP_MS / 1000, direct: directResult, proxy: proxyResult, addedLatency: added };

    for (const result of [directResult, proxyResult]) {
      console.log(`${result.name.padEnd(10)} ${String(result.requestsPerSecond).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  (${String(result.completed)} ok, ${String(result.failed)} failed, ${result.seconds.toFixed(1)} s)`);
    }
    console.log(`added by the proxy: p50 ${added.p50Ms.toFixed(2)} ms, p99 ${added.p99Ms.toFixed(2)} ms`);
    if (Date.now() >= deadline) console.log(`stopped at the ${String(TIME_CAP_MS / 1000)} s time cap`);
    const outputDir = new URL("../bench/", import.meta.url);
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(new URL("proxy-results.json", outputDir), `${JSON.stringify(results, null, 2)}\n`);
    console.log("wrote bench/proxy-results.json");
    if (directResult.failed > 0 || proxyResult.failed > 0) process.exitCode = 1;
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
