import { Card } from './Card';
import { StatusNote } from './StatusNote';

/** An account that is configured but has no synced figures yet. */
export function NoDataCard({ title, sandbox, reason }: { title: string; sandbox: boolean; reason: string }) {
  return (
    <Card title={title} sandbox={sandbox}>
      <StatusNote state="no_data">No sync yet: {reason}</StatusNote>
    </Card>
  );
}
