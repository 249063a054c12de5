// @vitest-environment jsdom
import { afterEach, expect, it, vi } from "vitest";
import { generationSettled, keyPrefetcher, prepareKeyWhenIdle, startKeyPrefetch, takeKey } from "./key-prefetch";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it("no second key is started beside the one a click is waiting for; the next follows when it settles", () => {
  vi.useFakeTimers();
  const prepare = vi.spyOn(keyPrefetcher, "prepare").mockImplementation(() => undefined);
  vi.spyOn(keyPrefetcher, "take").mockReturnValue({ prepared: "none", key: new Promise(() => undefined) });
  const stop = startKeyPrefetch(() => 2048);
  try {
    prepare.mockClear();
    takeKey(2048);
    // The page becomes idle while the click's key is being made: nothing is started.
    prepareKeyWhenIdle();
    vi.advanceTimersByTime(5000);
    expect(prepare).not.toHaveBeenCalled();
    // The click is done: the next key is made once idle.
    generationSettled();
    vi.advanceTimersByTime(5000);
    expect(prepare).toHaveBeenCalledWith(2048);
  } finally {
    stop();
  }
});
