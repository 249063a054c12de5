// @peculiar/x509 v2 resolves its services through tsyringe, which needs a Reflect
// metadata polyfill loaded before the library (see the library's README). Every
// module in core imports x509 from here, so the order is guaranteed once.
import "@abraham/reflection";

export * from "@peculiar/x509";
