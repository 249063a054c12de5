/**
 * How the property-based (fuzz) tests run. Under `npm test` every property runs with one fixed seed and
 * a small budget, so CI is quick and a failure reproduces; `npm run fuzz` (FUZZ=long) runs each one far
 * longer with a fresh random seed and writes any failing case to fuzz-regressions/, where every later
 * run replays it first (fast-check replays a case exactly from its seed and path).
 *
 * Used by unit tests in src/ and server/ alike. A property file calls `fuzzAssert("pem-reader", property)`: the name keys its saved regressions.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

/** The seed `npm test` uses: fixed, so the same cases run on every machine. */
export const FIXED_FUZZ_SEED = 20261205;

const REGRESSIONS_DIRECTORY = join(import.meta.dirname, "fuzz-regressions");

/** True under `npm run fuzz`. */
export function isLongFuzzRun(): boolean {
  return process.env.FUZZ === "long";
}

/** Runs per property: small under `npm test`, large under `npm run fuzz`; FUZZ_RUNS overrides both. */
export function fuzzRuns(testBudget = 60): number {
  const override = Number(process.env.FUZZ_RUNS);
  if (Number.isInteger(override) && override > 0) return override;
  return isLongFuzzRun() ? testBudget * 50 : testBudget;
}

interface SavedRegression {
  property: string;
  seed: number;
  path: string;
  counterexample: string;
}

function savedRegressions(property: string): SavedRegression[] {
  let names: string[];
  try {
    names = readdirSync(REGRESSIONS_DIRECTORY);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(`${property}.`) && name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(join(REGRESSIONS_DIRECTORY, name), "utf8")) as SavedRegression);
}

/**
 * Checks a property: first every saved regression of it (replayed exactly), then new cases — a fixed seed
 * and `testBudget` runs under `npm test`, a random seed and 50× the budget under `npm run fuzz`. A failure
 * in a long run is saved as a regression before the test fails.
 */
export async function fuzzAssert<Ts>(property: string, check: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, testBudget = 60): Promise<void> {
  for (const regression of savedRegressions(property)) {
    await fc.assert(check, { seed: regression.seed, path: regression.path, endOnFailure: true });
  }
  const seed = isLongFuzzRun() ? (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31)) : FIXED_FUZZ_SEED;
  const details = await fc.check(check, { seed, numRuns: fuzzRuns(testBudget), endOnFailure: true });
  if (!details.failed) return;
  if (isLongFuzzRun() && details.counterexamplePath) {
    mkdirSync(REGRESSIONS_DIRECTORY, { recursive: true });
    const saved: SavedRegression = { property, seed: details.seed, path: details.counterexamplePath, counterexample: fc.stringify(details.counterexample) };
    writeFileSync(join(REGRESSIONS_DIRECTORY, `${property}.${String(details.seed)}.json`), `${JSON.stringify(saved, null, 2)}\n`);
  }
  throw new Error(fc.defaultReportMessage(details) ?? `Property ${property} failed (seed ${String(details.seed)}).`);
}
