import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchWorkbenchConfig, postTokenRequest } from "./api-client";

function answerWith(status: number, body: string): ReturnType<typeof vi.fn> {
  const fetchStub = vi.fn(() => Promise.resolve(new Response(body, { status, headers: { "Content-Type": "application/json" } })));
  vi.stubGlobal("fetch", fetchStub);
  return fetchStub;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const request = {
  tokenEndpoint: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
  form: { grant_type: "client_credentials", client_id: "cid", scope: "https://graph.microsoft.com/.default", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: "a.b.c" },
} as const;

describe("fetchWorkbenchConfig", () => {
  it("asks /api/config and reads the proxy's config", async () => {
    const fetchStub = answerWith(200, JSON.stringify({ proxy: true, extraAuthorities: ["https://127.0.0.1:8443"] }));
    await expect(fetchWorkbenchConfig()).resolves.toEqual({ proxy: true, extraAuthorities: ["https://127.0.0.1:8443"] });
    expect(fetchStub).toHaveBeenCalledWith("/api/config", expect.anything());
  });
  it("says undefined when another server answered", async () => {
    answerWith(404, "{}");
    await expect(fetchWorkbenchConfig()).resolves.toBeUndefined();
  });
});

describe("postTokenRequest", () => {
  it("posts the request as JSON and returns Entra's answer from the envelope", async () => {
    const fetchStub = answerWith(200, JSON.stringify({ status: 401, body: { error: "invalid_client" }, durationMs: 5 }));
    await expect(postTokenRequest(request)).resolves.toEqual({ ok: true, envelope: { status: 401, body: { error: "invalid_client" }, durationMs: 5 } });
    const [url, init] = fetchStub.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/token");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual(request);
  });
  it("returns the proxy's refusal with its status, code and message", async () => {
    answerWith(400, JSON.stringify({ error: "endpoint_not_allowed", message: "Not an Entra host." }));
    await expect(postTokenRequest(request)).resolves.toEqual({ ok: false, httpStatus: 400, error: { error: "endpoint_not_allowed", message: "Not an Entra host." } });
  });
  it("copes with an answer that is not JSON", async () => {
    answerWith(502, "<html>Bad gateway</html>");
    await expect(postTokenRequest(request)).resolves.toEqual({ ok: false, httpStatus: 502, error: {} });
  });
});
