import type { inspectJwt } from "@/core/jwt/inspect-jwt";

/** The JWT inspector (jose, the lint rules) loads with the first inspection: kept out of the first screen's JavaScript. */
export const inspectJwtLazily: typeof inspectJwt = async (...args) => (await import("@/core/jwt/inspect-jwt")).inspectJwt(...args);
