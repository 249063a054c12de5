import { afterEach, describe, expect, it, vi } from "vitest";
import type { JwtInspection } from "@/core/jwt/jwt-inspection";
import type { WorkRequest } from "./work-protocol";

/**
 * The worker module run in Node with a stand-in for its global scope: `postMessage` throws the way structured
 * clone does on a result it cannot copy, and the page must still get an answer it can show.
 */
const scope = new EventTarget() as EventTarget & { postMessage: (value: unknown) => void };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function answerTo(request: WorkRequest, postMessage: (value: unknown) => void): Promise<unknown[]> {
  const posted: unknown[] = [];
  scope.postMessage = (value) => {
    postMessage(value);
    posted.push(value);
  };
  vi.stubGlobal("self", scope);
  await import("./work.worker");
  scope.dispatchEvent(new MessageEvent("message", { data: request }));
  await vi.waitFor(() => expect(posted.length).toBeGreaterThan(0));
  return posted;
}

const segment = (text: string) => Buffer.from(text).toString("base64url");
const token = `${segment('{"alg":"RS256"}')}.${segment('{"sub":"x"}')}.${segment("sig")}`;

describe("work.worker: a result that cannot be handed over is a message, never an uncaught error", () => {
  it("posts the inspection when it can be cloned", async () => {
    const [answer] = await answerTo({ kind: "inspect", text: token, options: {} }, (value) => structuredClone(value));
    expect(answer).toMatchObject({ ok: true });
  });

  it("when postMessage throws (structured clone's RangeError), posts a failure the Inspect panel shows", async () => {
    let calls = 0;
    const [answer] = (await answerTo({ kind: "inspect", text: token, options: {} }, () => {
      calls++;
      if (calls === 1) throw new RangeError("Maximum call stack size exceeded");
    })) as JwtInspection[];
    expect(answer).toMatchObject({ ok: false });
    expect(answer?.ok ? "" : answer?.problem).toContain("could not be handed to the page (Maximum call stack size exceeded)");
  });

  it("the same for the federated signature check", async () => {
    let calls = 0;
    const [answer] = await answerTo({ kind: "federated-signature", token, jwks: '{"keys":[]}' }, () => {
      calls++;
      if (calls === 1) throw new DOMException("could not be cloned", "DataCloneError");
    });
    expect(answer).toMatchObject({ status: "invalid", message: expect.stringContaining("could not be handed to the page") as unknown });
  });
});
