// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorkbenchStore } from "@/store/create-workbench-store";
import { headlessServices } from "@/store/headless-services";
import { WorkbenchStoreProvider } from "@/store/workbench-store";
import { PanelBoundary } from "@/ui/panel-boundary";
import { FederatedFields } from "./federated-fields";

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// Stands for any verdict that fails to render (before the range checks, exp 1e308 made toISOString throw
// "Invalid time value"): while the pasted token is there, the panel fails the same way on every render.
vi.mock("@/core/federated/check-federated-token", () => ({
  checkFederatedToken: () => {
    throw new RangeError("Invalid time value");
  },
}));

const segment = (text: string) => Buffer.from(text).toString("base64url");
const TOKEN = `${segment('{"alg":"RS256","typ":"JWT"}')}.${segment('{"iss":"https://issuer.test","sub":"s","aud":"api://AzureADTokenExchange","exp":1e308}')}.${segment("signature")}`;

let root: Root | undefined;
/** The page's store for this test: fresh, so nothing carries over from another test. */
let useWorkbenchStore = createWorkbenchStore(headlessServices());
beforeEach(() => {
  useWorkbenchStore = createWorkbenchStore(headlessServices());
});
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

async function renderFailingPanel(onReset?: () => void): Promise<HTMLElement> {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  useWorkbenchStore.getState().setFederatedCredentialField("issuer", "https://issuer.test");
  await useWorkbenchStore.getState().setFederatedToken(TOKEN);
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root?.render(
      <WorkbenchStoreProvider store={useWorkbenchStore}>
        <PanelBoundary name="Token" onReset={onReset}>
          <FederatedFields />
        </PanelBoundary>
      </WorkbenchStoreProvider>,
    ),
  );
  expect(container.querySelector('[data-testid="panel-error"]')?.textContent).toContain("Invalid time value");
  return container;
}

describe("the Token panel's Try again after a pasted token broke it", () => {
  it("with the reset the app gives it (forget the pasted token), the panel renders again and keeps the credential fields", async () => {
    const container = await renderFailingPanel(() => useWorkbenchStore.getState().resetFederatedToken());
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="panel-error"] button')?.click());
    expect(container.querySelector('[data-testid="panel-error"]')).toBeNull();
    expect(container.querySelector<HTMLTextAreaElement>('[data-testid="federated-token-input"]')?.value).toBe("");
    expect(container.querySelector<HTMLInputElement>('[data-testid="fic-issuer-input"]')?.value).toBe("https://issuer.test");
  });

  it("without it, Try again fails the same way at once (the loop the reset ends)", async () => {
    const container = await renderFailingPanel();
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="panel-error"] button')?.click());
    expect(container.querySelector('[data-testid="panel-error"]')?.textContent).toContain("Invalid time value");
  });
});
