// @peculiar/x509 v2 resolves its services through tsyringe, which needs a Reflect metadata polyfill loaded
// before the library (the library's README). Each runtime loads it once, first: here for the page,
// src/core/test-setup.ts for Vitest.
import "@abraham/reflection";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { startKeyPrefetch } from "./store/key-prefetch";
import { useWorkbenchStore } from "./store/workbench-store";
import "./index.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Issue 13: once the page is idle, a key of the selected size is made for the next Generate.
startKeyPrefetch(() => useWorkbenchStore.getState().generateForm.keySize);
