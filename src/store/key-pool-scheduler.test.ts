import { describe, expect, it, vi } from "vitest";
import type { KeyPool } from "./key-pool-scheduler";
import { createKeyPoolScheduler } from "./key-pool-scheduler";
import { headlessServices } from "./headless-services";
import type { WorkbenchServices } from "./workbench-services";

/** A pool that makes nothing: the test sees what the scheduler asks of it. */
function fakePool() {
  return {
    prepare: vi.fn<KeyPool["prepare"]>(),
    isReady: () => false,
    take: (): ReturnType<KeyPool["take"]> => ({ prepared: "none", key: new Promise<CryptoKeyPair>(() => undefined) }),
    drop: vi.fn<KeyPool["drop"]>(),
    pageHidden: () => undefined,
    pageVisible: () => false,
    checkHidden: () => false,
  };
}

/** Idle time and page events the test fires by hand. */
function pageServices(): WorkbenchServices & { idle: () => void; setVisible: (visible: boolean) => void } {
  let idleWork: (() => void)[] = [];
  let onVisibility: ((visible: boolean) => void) | undefined;
  let visible = true;
  return {
    ...headlessServices(),
    afterPaint: () => new Promise(() => undefined),
    whenIdle: (work) => void idleWork.push(work),
    isPageVisible: () => visible,
    watchVisibility: (onChange) => {
      onVisibility = onChange;
      return () => (onVisibility = undefined);
    },
    idle: () => {
      const work = idleWork;
      idleWork = [];
      for (const run of work) run();
    },
    setVisible: (next) => {
      visible = next;
      onVisibility?.(next);
    },
  };
}

describe("when the key made in advance is made", () => {
  it("once the page is loaded and idle, of the selected size", () => {
    const pool = fakePool();
    const services = pageServices();
    const stop = createKeyPoolScheduler(services, pool).start(() => 3072);
    expect(pool.prepare).not.toHaveBeenCalled();
    services.idle();
    expect(pool.prepare).toHaveBeenCalledWith(3072);
    stop();
  });

  it("no second key is started beside the one a click is waiting for; the next follows when it settles", () => {
    const pool = fakePool();
    const services = pageServices();
    const scheduler = createKeyPoolScheduler(services, pool);
    const stop = scheduler.start(() => 2048);
    scheduler.take(2048);
    // The page becomes idle while the click's key is being made: nothing is started.
    services.idle();
    expect(pool.prepare).not.toHaveBeenCalled();
    // The click is done: the next key is made once idle.
    scheduler.settled();
    services.idle();
    expect(pool.prepare).toHaveBeenCalledWith(2048);
    stop();
  });

  it("after Remove, none is made until the user generates again; a hidden page makes none", () => {
    const pool = fakePool();
    const services = pageServices();
    const scheduler = createKeyPoolScheduler(services, pool);
    const stop = scheduler.start(() => 2048);
    scheduler.drop();
    expect(pool.drop).toHaveBeenCalled();
    services.idle();
    expect(pool.prepare).not.toHaveBeenCalled();
    scheduler.take(2048);
    scheduler.settled();
    services.setVisible(false);
    services.idle();
    expect(pool.prepare).not.toHaveBeenCalled();
    services.setVisible(true);
    services.idle();
    expect(pool.prepare).toHaveBeenCalledWith(2048);
    stop();
  });

  it("before start (unit tests, the prerender) nothing is made in advance", () => {
    const pool = fakePool();
    const services = pageServices();
    const scheduler = createKeyPoolScheduler(services, pool);
    scheduler.sizeChanged(4096);
    scheduler.take(2048);
    scheduler.settled();
    services.idle();
    expect(pool.prepare).not.toHaveBeenCalled();
  });
});
