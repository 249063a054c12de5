// Vitest setup: the Reflect polyfill @peculiar/x509 needs (its README), loaded before any test imports it;
// src/main.tsx loads it for the page. Core itself does not import it, so each runtime loads it once.
import "@abraham/reflection";
