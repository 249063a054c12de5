import { describe, expect, it } from "vitest";
import { readProcStat } from "./starter-watch";

describe("readProcStat", () => {
  it("reads the command and parent pid, even when the command holds spaces and parentheses", () => {
    const stat = readProcStat(1234, () => "1234 (my (odd) name) S 99 1234 1234 0 -1 4194560");
    expect(stat).toEqual({ command: "my (odd) name", parentPid: 99 });
  });

  it("answers undefined where there is no /proc entry", () => {
    expect(
      readProcStat(1, () => {
        throw new Error("ENOENT");
      }),
    ).toBeUndefined();
  });

  it.runIf(process.platform === "linux")("agrees with Node's own process.ppid for this process", () => {
    expect(readProcStat(process.pid)?.parentPid).toBe(process.ppid);
  });
});
