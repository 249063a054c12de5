/** A failure the user must see, announced as it appears (role="alert"); nothing when there is none. */
export function ErrorMessage({ message, testId }: { message: string | undefined; testId: string }) {
  if (!message) return null;
  return (
    <p className="text-sm text-danger" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
