import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

/** A test's view of an HTTP answer. */
export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface TestRequest {
  method?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  /** Extra CA to trust for https URLs (a throwaway self-signed certificate). */
  ca?: string;
}

/**
 * A plain node:http(s) client for tests: unlike fetch it can trust a test CA, send any header
 * (Origin, Cookie) and leave a URL exactly as written (`..%2f` stays encoded).
 */
export function sendTestRequest(url: string, options: TestRequest = {}): Promise<TestResponse> {
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, path: url.slice(target.origin.length) || "/", method: options.method ?? "GET", headers: options.headers, ca: options.ca, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text) as unknown;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** POSTs `body` as JSON. */
export function postJson(url: string, body: unknown, headers: OutgoingHttpHeaders = {}): Promise<TestResponse> {
  return sendTestRequest(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
}
