import { describe, expect, it } from "vitest";
import { createKeyPrefetcher, PREFETCH_MAX_HIDDEN_MS } from "./key-pool";

/** A fake key maker: each call gets a distinct key and can be resolved or failed by the test. */
function fakeMaker() {
  const calls: { size: number; key: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  const generate = (size: number) =>
    new Promise<string>((resolve, reject) => {
      const key = `key-${String(calls.length + 1)}-${String(size)}`;
      calls.push({ size, key, resolve: () => resolve(key), reject });
    });
  return { calls, generate };
}

function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A prefetcher on a fake clock holding one made 2048-bit key. */
async function withMadeKey() {
  const maker = fakeMaker();
  const clock = fakeClock();
  const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: clock.now });
  prefetcher.prepare(2048);
  maker.calls[0]?.resolve();
  await settle();
  return { clock, prefetcher };
}

describe("key prefetcher", () => {
  it("makes one key per size and hands the ready key out once", async () => {
    const maker = fakeMaker();
    const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: fakeClock().now });
    prefetcher.prepare(2048);
    prefetcher.prepare(2048);
    expect(maker.calls).toHaveLength(1);
    maker.calls[0]?.resolve();
    await settle();
    expect(prefetcher.isReady(2048)).toBe(true);

    const first = prefetcher.take(2048);
    expect(first.prepared).toBe("ready");
    expect(first.readyKey).toBe("key-1-2048");
    expect(await first.key).toBe("key-1-2048");
    // Used at most once: the next take does not get the same key; it makes a new one.
    expect(prefetcher.isReady(2048)).toBe(false);
    const second = prefetcher.take(2048);
    expect(second.prepared).toBe("none");
    expect(second.readyKey).toBeUndefined();
    expect(maker.calls).toHaveLength(2);
    maker.calls[1]?.resolve();
    expect(await second.key).toBe("key-2-2048");
  });

  it("hands out a key still on its way, so the click waits for it instead of starting another", async () => {
    const maker = fakeMaker();
    const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: fakeClock().now });
    prefetcher.prepare(3072);
    const taken = prefetcher.take(3072);
    expect(taken.prepared).toBe("pending");
    expect(maker.calls).toHaveLength(1);
    maker.calls[0]?.resolve();
    expect(await taken.key).toBe("key-1-3072");
    expect(prefetcher.take(3072).prepared).toBe("none");
  });

  it("drops the key when the size changes and makes one of the new size", async () => {
    const maker = fakeMaker();
    const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: fakeClock().now });
    prefetcher.prepare(2048);
    maker.calls[0]?.resolve();
    await settle();
    prefetcher.prepare(4096);
    expect(prefetcher.isReady(2048)).toBe(false);
    expect(maker.calls.map((call) => call.size)).toEqual([2048, 4096]);
    // The 2048-bit key is gone: asking for 2048 now makes a fresh one.
    const taken = prefetcher.take(2048);
    expect(taken.prepared).toBe("none");
    maker.calls[2]?.resolve();
    expect(await taken.key).toBe("key-3-2048");
  });

  it("forgets the key on drop (Remove key and certificate), even one still being made", async () => {
    const maker = fakeMaker();
    const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: fakeClock().now });
    prefetcher.prepare(2048);
    prefetcher.drop();
    maker.calls[0]?.resolve();
    await settle();
    expect(prefetcher.isReady(2048)).toBe(false);
    const taken = prefetcher.take(2048);
    expect(taken.prepared).toBe("none");
    maker.calls[1]?.resolve();
    expect(await taken.key).not.toBe("key-1-2048");
  });

  it("drops the key after the page was hidden for longer than the limit, and keeps it after a short hide", async () => {
    const { clock, prefetcher } = await withMadeKey();

    prefetcher.pageHidden();
    clock.advance(PREFETCH_MAX_HIDDEN_MS);
    expect(prefetcher.checkHidden()).toBe(false);
    expect(prefetcher.pageVisible()).toBe(false);
    expect(prefetcher.isReady(2048)).toBe(true);

    prefetcher.pageHidden();
    clock.advance(PREFETCH_MAX_HIDDEN_MS + 1);
    expect(prefetcher.checkHidden()).toBe(true);
    expect(prefetcher.isReady(2048)).toBe(false);
    expect(prefetcher.pageVisible()).toBe(false);
  });

  it("drops the key on showing the page again when no timer ran while it was hidden", async () => {
    const { clock, prefetcher } = await withMadeKey();
    prefetcher.pageHidden();
    clock.advance(60 * 60 * 1000);
    expect(prefetcher.pageVisible()).toBe(true);
    expect(prefetcher.take(2048).prepared).toBe("none");
  });

  it("forgets a key whose making failed, without an unhandled rejection", async () => {
    const maker = fakeMaker();
    const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: fakeClock().now });
    prefetcher.prepare(2048);
    maker.calls[0]?.reject(new Error("no entropy"));
    await settle();
    expect(prefetcher.isReady(2048)).toBe(false);
    expect(prefetcher.take(2048).prepared).toBe("none");
  });

  it("a taken key that later fails reports the failure to the one who took it", async () => {
    const maker = fakeMaker();
    const prefetcher = createKeyPrefetcher({ generate: maker.generate, now: fakeClock().now });
    prefetcher.prepare(2048);
    const taken = prefetcher.take(2048);
    maker.calls[0]?.reject(new Error("no entropy"));
    await expect(taken.key).rejects.toThrow("no entropy");
  });
});
