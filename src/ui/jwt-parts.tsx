import { shortenForDisplay } from "@/core/jwt/jwt-decode";

interface JwtPartsProps {
  parts: { header: string; payload: string; signature: string };
  testId?: string;
}

/**
 * The compact JWS with its three segments coloured: header, payload, signature (RFC 7515 §7.1). A crafted
 * segment of 100 KB is cut (the store keeps the whole token), so laying it out cannot stall the page.
 */
export function JwtParts({ parts, testId }: JwtPartsProps) {
  const [header, payload, signature] = [parts.header, parts.payload, parts.signature].map((part) => shortenForDisplay(part).value);
  return (
    <p className="code-block" data-testid={testId} tabIndex={0} aria-label="Compact JWT: header, payload and signature separated by dots">
      <span className="jwt-header">{header}</span>.<span className="jwt-payload">{payload}</span>.<span className="jwt-signature">{signature}</span>
    </p>
  );
}
