/** Marks a card whose figures come from a sandbox source, not the business's live systems. */
export function SandboxBadge() {
  return (
    <span className="badge badge-sandbox" data-testid="sandbox-badge">
      SANDBOX DATA
    </span>
  );
}
