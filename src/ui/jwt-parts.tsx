interface JwtPartsProps {
  parts: { header: string; payload: string; signature: string };
  testId?: string;
}

/** The compact JWS with its three segments coloured: header, payload, signature (RFC 7515 §7.1). */
export function JwtParts({ parts, testId }: JwtPartsProps) {
  return (
    <p className="code-block" data-testid={testId} tabIndex={0} aria-label="Compact JWT: header, payload and signature separated by dots">
      <span className="jwt-header">{parts.header}</span>.<span className="jwt-payload">{parts.payload}</span>.<span className="jwt-signature">{parts.signature}</span>
    </p>
  );
}
