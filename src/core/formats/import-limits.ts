// Kept apart from import-material.ts so the Import panel can show the limit without loading the
// parsers: they stay out of the first screen's JavaScript and load with the first import.

/** Files larger than this are refused before parsing: real certificates, keys and PFX files are a few KB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
