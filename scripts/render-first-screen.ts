/**
 * Prints the page's first screen as HTML: the app's own components rendered once, with the state a
 * first visit has (nothing stored, no credential). Run by the build (scripts/prerender-shell.ts) in a
 * Node process of its own, so the app's modules load as they do in the page, not inside Vite's config.
 */
import "@abraham/reflection";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
// Relative, and no JSX here: the app's files are compiled with tsconfig.app.json (TSX_TSCONFIG_PATH), which does not cover scripts/.
import { App } from "../src/app";
import { createWorkbenchStore } from "../src/store/create-workbench-store";
import { headlessServices } from "../src/store/headless-services";
import { WorkbenchStoreProvider } from "../src/store/workbench-store";

// A store of its own, away from the browser: nothing stored, nothing made in advance.
process.stdout.write(renderToStaticMarkup(createElement(WorkbenchStoreProvider, { store: createWorkbenchStore(headlessServices()) }, createElement(App))));
