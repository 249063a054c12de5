// Vitest setup: the Reflect polyfill @peculiar/x509 needs, loaded before any test imports it.
import "@abraham/reflection";
