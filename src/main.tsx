// @peculiar/x509 v2 resolves its services through tsyringe, which needs a Reflect metadata polyfill loaded
// before the library (the library's README). Each runtime loads it once, first: here for the page,
// test-support/test-setup.ts for Vitest.
import "@abraham/reflection";
import { StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { generateFieldsTypedBeforeLoad } from "./features/generate/typed-before-load";
import { finishTakeOver, readShellActivity } from "./shell/take-over";
import { createBrowserServices } from "./app/browser-services";
import { createWorkbenchStore } from "./store/create-workbench-store";
import { WorkbenchStoreProvider } from "./store/workbench-store";
import "./index.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The first screen arrives rendered (scripts/prerender-shell.ts) and its Generate form works before
// this code has loaded (src/shell/boot.ts). Whatever the user did there is carried over first.
const shellActivity = readShellActivity(root);
const store = createWorkbenchStore(createBrowserServices());
if (shellActivity) {
  const { generateForm, setGenerateField } = store.getState();
  for (const [field, value] of Object.entries(generateFieldsTypedBeforeLoad(root, generateForm))) {
    setGenerateField(field as keyof typeof generateForm, value);
  }
}

// Once the page is idle, a key of the selected size is made for the next Generate.
store.getState().prepareKeysInAdvance();
// A Generate pressed before the app had loaded starts now, so the first render already shows its progress.
if (shellActivity?.generateRequested) void store.getState().generate();

// Rendered at once, in this task (not in a later one, as createRoot would): no input can reach the
// prerendered screen between reading it above and replacing it here.
const reactRoot = createRoot(root);
flushSync(() =>
  reactRoot.render(
    <StrictMode>
      <WorkbenchStoreProvider store={store}>
        <App />
      </WorkbenchStoreProvider>
    </StrictMode>,
  ),
);
if (shellActivity) {
  finishTakeOver(root, shellActivity);
  // A Generate pressed early with a field the app refuses (none is marked invalid otherwise): the panel
  // names the problem; focus goes to the first such field, so the press is answered, not dropped.
  if (shellActivity.generateRequested) root.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
}
