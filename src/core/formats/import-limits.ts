// Kept apart from import-material.ts so the Import panel can show the limit without loading the
// parsers on the first screen (issue 13); import-material.ts re-exports it.

/** Files larger than this are refused before parsing: real certificates, keys and PFX files are a few KB. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
