// Errors about a whole list (e.g. "at least one material must be required"), shown under its heading.
export function ListErrors({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <ul className="tb-list-errors" role="alert">
      {messages.map((m) => <li key={m}>{m}</li>)}
    </ul>
  );
}
