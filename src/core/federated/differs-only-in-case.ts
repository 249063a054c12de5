/**
 * Whether two different strings are equal but for case, as Entra judges it for AADSTS7002138.
 *
 * Entra runs on .NET, whose ordinal case-insensitive comparison maps each character by its *simple*
 * uppercase mapping (Unicode UnicodeData.txt, field 12: one character to one character) and compares
 * the results (.NET "Best practices for comparing strings": OrdinalIgnoreCase). That is not
 * JavaScript's `toLowerCase`, which applies the full and lowercase mappings: it turns the Kelvin sign
 * U+212A into "k", so "\u212A" and "K" would look like case variants, yet U+212A's uppercase is
 * itself and "K"'s is "K" — two characters, a plain mismatch. Full mappings that yield several
 * characters ("ß" → "SS") are not simple mappings and leave the character as it is.
 */

function simpleUpper(character: string): string {
  const upper = character.toUpperCase();
  // A full mapping to several characters has no simple counterpart: the character maps to itself.
  return [...upper].length === 1 ? upper : character;
}

/** True when `a` and `b` differ, but only in case under simple uppercase mapping. */
export function differsOnlyInCase(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  for (let index = 0; index < a.length; ) {
    const x = a.codePointAt(index) ?? 0;
    const y = b.codePointAt(index) ?? 0;
    const width = x > 0xffff ? 2 : 1;
    if (x !== y) {
      const upperX = simpleUpper(String.fromCodePoint(x));
      const upperY = simpleUpper(String.fromCodePoint(y));
      if (upperX !== upperY) return false;
    }
    index += width;
  }
  return true;
}
