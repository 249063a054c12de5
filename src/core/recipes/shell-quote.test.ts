import { describe, expect, it } from "vitest";
import { shellQuote } from "./shell-quote";
import { shellArguments } from "../../../test-support/snippets";

describe("shellQuote (POSIX single quotes)", () => {
  it.each(["plain", "it's", "a'b\"c$(d)`e`\\f", "two words", "", "line\nbreak", "'"])("sh reads %j back as exactly one argument", (value) => {
    // The real shell parses the quoted word; a stand-in "tool" prints its arguments.
    expect(shellArguments("tool", `tool ${shellQuote(value)} end`)).toEqual([value, "end"].join("\n").split("\n"));
  });

  it("leaves no character unquoted", () => {
    expect(shellQuote("$HOME")).toBe("'$HOME'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
