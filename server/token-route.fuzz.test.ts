// Property (fuzz) test of POST /api/token on a real listening server, forwarding to a real HTTPS
// stub: whatever headers and body arrive, the answer is a 200 envelope from the upstream or a
// coded JSON error, within a bound, and the server goes on answering.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoopbackTls, type TestCertificate } from "../test-support/test-tls";
import { fuzzAssert } from "../test-support/fuzz";
import { sendTestRequest } from "../test-support/http-client";
import { formLike } from "../test-support/fuzz-forms";
import { ECHO_BODY, startUpstreamStub, type UpstreamStub } from "../test-support/upstream-stub";
import { startWorkbenchServer, type RunningWorkbenchServer } from "./workbench-server";

/** Every error code the route may answer with, and the statuses each comes with. */
const ROUTE_ERRORS: Readonly<Record<string, readonly number[]>> = {
  cross_origin_refused: [403],
  unsupported_media_type: [415],
  body_too_large: [413],
  invalid_json: [400],
  invalid_request: [400],
  endpoint_not_allowed: [400],
  invalid_form: [400],
  unexpected_form_field: [400],
  missing_form_field: [400],
  invalid_grant_type: [400],
  invalid_client_assertion_type: [400],
  conflicting_client_credentials: [400],
  form_endpoint_mismatch: [400],
};
/** Every answer here is local and quick; this is "never hangs" with room for a busy machine. */
const ANSWER_BOUND_MS = 3_000;

let tls: TestCertificate;
let stub: UpstreamStub;
let proxy: RunningWorkbenchServer;

beforeAll(async () => {
  tls = createLoopbackTls();
  stub = await startUpstreamStub(tls);
  proxy = await startWorkbenchServer({ port: 0, distDir: "/nonexistent-dist", extraAuthorities: [stub.origin], extraCaPem: tls.cert, upstreamTimeoutMs: 2_000, logger: () => undefined });
});

afterAll(async () => {
  await proxy.close();
  await stub.close();
  tls.dispose();
});

describe("POST /api/token under fuzzing", () => {
  it("answers every request with the upstream's envelope or a coded JSON error, in bounded time", async () => {
    const endpoint = fc.oneof(
      { arbitrary: fc.constantFrom(stub.endpoint("echo"), `${stub.origin}/echo.stub.example/oauth2/token`), weight: 4 },
      fc.constantFrom(`${stub.origin}/echo.stub.example/oauth2/v2.0/authorize`, "https://login.microsoftonline.com@127.0.0.1/x/oauth2/v2.0/token", "http://login.microsoftonline.com/t/oauth2/v2.0/token", "javascript:alert(1)", ""),
      fc.webUrl(),
      fc.jsonValue({ maxDepth: 1 }),
    );
    const jsonBody = fc.tuple(endpoint, formLike).map(([tokenEndpoint, form]) => Buffer.from(JSON.stringify({ tokenEndpoint, form })));
    const body = fc.oneof(
      { arbitrary: jsonBody, weight: 5 },
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.integer({ min: 1, max: 40_000 }).map((depth) => Buffer.from(`{"tokenEndpoint":${"[".repeat(depth)}${"]".repeat(depth)}}`)),
      fc.integer({ min: 60 * 1024, max: 70 * 1024 }).map((size) => Buffer.from(JSON.stringify({ tokenEndpoint: stub.endpoint("echo"), form: { padding: "x".repeat(size) } }))),
    );
    const headers = fc.record({
      "Content-Type": fc.oneof({ arbitrary: fc.constant("application/json"), weight: 5 }, fc.constantFrom("text/plain", "application/json; charset=utf-8", "multipart/form-data")),
      Origin: fc.option(fc.constantFrom(proxy.origin, "http://evil.example", "null"), { nil: undefined }),
    });
    const reached = new Set<string>();
    await fuzzAssert(
      "token-route",
      fc.asyncProperty(body, headers, async (payload, requestHeaders) => {
        const sent: Record<string, string> = { "Content-Type": requestHeaders["Content-Type"] };
        if (requestHeaders.Origin !== undefined) sent.Origin = requestHeaders.Origin;
        const startedAt = performance.now();
        const response = await sendTestRequest(`${proxy.origin}/api/token`, { method: "POST", headers: sent, body: payload });
        expect(performance.now() - startedAt).toBeLessThan(ANSWER_BOUND_MS);
        expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
        if (response.status === 200) {
          expect(response.json).toMatchObject({ status: 200, body: ECHO_BODY });
          reached.add("forwarded");
          return;
        }
        const answer = response.json as { error?: unknown; message?: unknown };
        expect(typeof answer.error).toBe("string");
        expect(typeof answer.message === "string" && answer.message !== "").toBe(true);
        expect(Object.keys(answer).sort()).toEqual(["error", "message"]);
        expect(ROUTE_ERRORS[String(answer.error)]).toContain(response.status);
        reached.add(String(answer.error));
      }),
      80,
    );
    expect((await sendTestRequest(`${proxy.origin}/healthz`)).status).toBe(200);
    for (const outcome of ["forwarded", "invalid_json", "endpoint_not_allowed", "body_too_large", "cross_origin_refused", "unsupported_media_type"]) expect(reached).toContain(outcome);
  }, 60_000);
});
