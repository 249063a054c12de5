// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { followDeepLinks, linkedCreateTab } from "./deep-links";

const scrolled: Element[] = [];
// jsdom lays nothing out and has no scrollIntoView: record what would have been scrolled to.
Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
  scrolled.push(this);
};

afterEach(() => {
  window.location.hash = "";
  document.body.innerHTML = "";
  scrolled.length = 0;
});

function handlers() {
  return { selectCreateTab: vi.fn<(tab: string) => void>(), openOptionalSection: vi.fn<() => void>() };
}

describe("linkedCreateTab", () => {
  it("opens step 1 on Use existing for /#import only", () => {
    expect(linkedCreateTab("#import", "create")).toBe("existing");
    expect(linkedCreateTab("#token", "create")).toBe("create");
    expect(linkedCreateTab("", "create")).toBe("create");
  });
});

describe("followDeepLinks", () => {
  it("opens the folds around a part already on the page, tells the app, and scrolls to it", () => {
    document.body.innerHTML = '<section id="troubleshoot"><details><summary>x</summary><div id="inspect"></div></details></section>';
    window.location.hash = "#inspect";
    const app = handlers();
    const stop = followDeepLinks(window, app);
    expect(document.querySelector("details")?.open).toBe(true);
    expect(app.openOptionalSection).toHaveBeenCalledOnce();
    expect(scrolled).toEqual([document.getElementById("inspect")]);
    stop();
  });

  it("waits for a part whose code loads later, and follows later changes of the address", async () => {
    window.location.hash = "#token";
    const app = handlers();
    const stop = followDeepLinks(window, app);
    expect(scrolled).toEqual([]);
    document.body.innerHTML = '<div id="token"></div>';
    await Promise.resolve();
    expect(scrolled).toEqual([document.getElementById("token")]);

    window.location.hash = "#import";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(app.selectCreateTab).toHaveBeenCalledWith("existing");
    stop();
    // Stopped: a change of address is no longer followed.
    window.location.hash = "#troubleshoot";
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(app.openOptionalSection).not.toHaveBeenCalled();
  });
});
