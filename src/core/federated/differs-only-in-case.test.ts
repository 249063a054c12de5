import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { differsOnlyInCase } from "./differs-only-in-case";

/**
 * The oracle: Perl's Unicode::UCD reads UnicodeData.txt and gives each character's *simple* uppercase
 * mapping (an empty string when it maps to itself) — independent of JavaScript's case functions.
 */
function simpleUppercase(codePoints: number[]): Map<number, number> {
  const script = "use Unicode::UCD qw(charinfo); for my $c (@ARGV) { my $i = charinfo(hex $c); my $u = $i && $i->{upper} ne '' ? $i->{upper} : $c; print \"$c $u\\n\"; }";
  const output = execFileSync("perl", ["-e", script, ...codePoints.map((code) => code.toString(16))], { encoding: "utf8" });
  return new Map(output.trim().split("\n").map((line) => line.split(" ").map((hex) => parseInt(hex, 16)) as [number, number]));
}

// Characters whose case behaviour differs between simple and full mappings, or between upper- and lowercasing.
const CHARACTERS = [0x4b, 0x6b, 0x212a, 0x49, 0x69, 0x131, 0x130, 0xdf, 0x1e9e, 0x53, 0x73, 0x17f, 0x3a3, 0x3c3, 0x3c2, 0x1c4, 0x1c5, 0x1c6, 0xfb00, 0x41, 0x61, 0x10400, 0x10428, 0x2126, 0x3a9, 0x3c9];

describe("differsOnlyInCase agrees with Unicode's simple uppercase mapping", () => {
  it("for every pair of characters whose simple and full mappings differ (Kelvin sign, dotless i, ß, long s, final sigma, DŽ, ﬀ, Deseret)", () => {
    const upper = simpleUppercase(CHARACTERS);
    const disagreements: string[] = [];
    for (const a of CHARACTERS) {
      for (const b of CHARACTERS) {
        if (a === b) continue;
        const expected = upper.get(a) === upper.get(b);
        if (differsOnlyInCase(`repo:${String.fromCodePoint(a)}`, `repo:${String.fromCodePoint(b)}`) !== expected) disagreements.push(`U+${a.toString(16)}/U+${b.toString(16)}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The pairs the issue names, said outright.
    expect(upper.get(0x212a)).toBe(0x212a);
    expect(differsOnlyInCase("\u212a", "k")).toBe(false);
    expect(differsOnlyInCase("K", "k")).toBe(true);
  });
  it("equal strings and strings of other lengths are not case variants", () => {
    expect(differsOnlyInCase("abc", "abc")).toBe(false);
    expect(differsOnlyInCase("abc", "ABCD")).toBe(false);
  });
});
