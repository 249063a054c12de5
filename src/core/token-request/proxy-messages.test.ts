import { describe, expect, it } from "vitest";
import { customAuthorityRefusal, proxyErrorMessage } from "./proxy-messages";

describe("customAuthorityRefusal (the proxy's allowlist, said before sending)", () => {
  it("allows Entra hosts and listed origins", () => {
    expect(customAuthorityRefusal("https://login.microsoftonline.com", [])).toBeUndefined();
    expect(customAuthorityRefusal("https://127.0.0.1:8392", ["https://127.0.0.1:8392"])).toBeUndefined();
  });

  it("names the variable, what is set, and the command to restart with", () => {
    expect(customAuthorityRefusal("https://login.example.org", [])).toBe(
      "This server forwards only to Entra hosts and to those named in WORKBENCH_EXTRA_AUTHORITIES at start (none are set). Restart with WORKBENCH_EXTRA_AUTHORITIES=https://login.example.org npm start",
    );
    expect(customAuthorityRefusal("https://login.example.org", ["https://127.0.0.1:8392"])).toContain(
      "(set: https://127.0.0.1:8392). Restart with WORKBENCH_EXTRA_AUTHORITIES=https://127.0.0.1:8392,https://login.example.org npm start",
    );
  });

  it("refuses an IP literal unless that exact origin is listed", () => {
    expect(customAuthorityRefusal("https://10.0.0.1", ["https://10.0.0.1:8443"])).toBeDefined();
  });
});

describe("proxyErrorMessage names the fix", () => {
  it("keeps the server's message and adds what to do", () => {
    expect(proxyErrorMessage(403, { error: "cross_origin_refused", message: "Token requests are accepted only from the workbench page served by this server." })).toMatch(/served by this server\. Open the workbench at the address npm start printed/);
    expect(proxyErrorMessage(502, { error: "upstream_tls_failed", message: "The TLS connection failed." })).toContain("NODE_EXTRA_CA_CERTS=");
    expect(proxyErrorMessage(400, { error: "form_endpoint_mismatch", message: "The v1 endpoint takes resource." })).toBe("The proxy did not send the request: The v1 endpoint takes resource.");
  });

  it("says what to do when the answer is not the proxy's JSON", () => {
    expect(proxyErrorMessage(500, undefined)).toMatch(/HTTP 500 .*restart it with npm start/);
  });
});
