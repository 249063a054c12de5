import { describe, expect, it } from "vitest";
import { readApiErrorBody, readTokenProxyEnvelope, readWorkbenchConfig } from "./api-wire";

describe("readWorkbenchConfig (GET /api/config)", () => {
  it("reads the proxy's config and keeps only string authorities", () => {
    expect(readWorkbenchConfig({ proxy: true, extraAuthorities: ["https://127.0.0.1:8443", 3, null] })).toEqual({ proxy: true, extraAuthorities: ["https://127.0.0.1:8443"] });
    expect(readWorkbenchConfig({ proxy: true })).toEqual({ proxy: true, extraAuthorities: [] });
  });
  it.each([undefined, null, "proxy", [], { proxy: "true" }, { proxy: false, extraAuthorities: [] }, { extraAuthorities: [] }])("says %j is not the workbench's config", (json) => {
    expect(readWorkbenchConfig(json)).toBeUndefined();
  });
});

describe("readTokenProxyEnvelope (POST /api/token, 200)", () => {
  it("reads Entra's status and body as they came", () => {
    expect(readTokenProxyEnvelope({ status: 400, body: { error: "invalid_client" }, durationMs: 12 })).toEqual({ status: 400, body: { error: "invalid_client" }, durationMs: 12 });
  });
  it.each([undefined, { status: "200", body: {} }, { body: {} }, [200]])("refuses %j", (json) => {
    expect(readTokenProxyEnvelope(json)).toBeUndefined();
  });
});

describe("readApiErrorBody (any other status)", () => {
  it("reads code and message when they are strings", () => {
    expect(readApiErrorBody({ error: "endpoint_not_allowed", message: "Restart with …" })).toEqual({ error: "endpoint_not_allowed", message: "Restart with …" });
  });
  it("leaves out what is not a string", () => {
    expect(readApiErrorBody({ error: 4, message: ["x"] })).toEqual({ error: undefined, message: undefined });
    expect(readApiErrorBody("<html>")).toEqual({});
  });
});
