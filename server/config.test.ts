import { describe, expect, it } from "vitest";
import { readEnvironmentConfig } from "./config";

describe("readEnvironmentConfig", () => {
  it("defaults to 127.0.0.1:8080 with no extra authorities and no warning", () => {
    expect(readEnvironmentConfig({})).toEqual({ host: "127.0.0.1", port: 8080, extraAuthorities: [] });
  });

  it("reads PORT, HOST and WORKBENCH_EXTRA_AUTHORITIES (trimmed, normalised, de-duplicated)", () => {
    const config = readEnvironmentConfig({ PORT: "0", HOST: "localhost", WORKBENCH_EXTRA_AUTHORITIES: " https://127.0.0.1:8443 , https://Adfs.Example.test/,https://adfs.example.test,," });
    expect(config).toEqual({ host: "localhost", port: 0, extraAuthorities: ["https://127.0.0.1:8443", "https://adfs.example.test"] });
  });

  it.each(["0.0.0.0", "192.168.1.10", "::"])("warns when HOST=%s is not loopback", (host) => {
    expect(readEnvironmentConfig({ HOST: host }).warning).toMatch(/not a loopback address/);
  });

  it.each(["127.0.0.1", "localhost", "::1", "127.0.0.2"])("does not warn for loopback HOST=%s", (host) => {
    expect(readEnvironmentConfig({ HOST: host }).warning).toBeUndefined();
  });

  it.each(["http", "-1", "65536", "80.5"])("refuses PORT=%s", (port) => {
    expect(() => readEnvironmentConfig({ PORT: port })).toThrow(/PORT/);
  });

  it.each(["http://127.0.0.1:8443", "https://host/path", "not a url"])("refuses extra authority %s", (authority) => {
    expect(() => readEnvironmentConfig({ WORKBENCH_EXTRA_AUTHORITIES: authority })).toThrow(TypeError);
  });
});
