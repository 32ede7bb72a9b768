import { Section } from '../components/Section';
import { useEventLog } from '../hooks/use-event-log';
import { EVENT_LOG_LIMIT } from '../lib/event-log';
import { formatTime } from '../lib/format';

/** The last events the page received, newest first, replay gaps included. */
export function EventLogSection() {
  const entries = useEventLog();
  return (
    <Section title="Live events" testId="event-log-section">
      <p className="muted small">The last {EVENT_LOG_LIMIT} events received, newest first.</p>
      <ol className="event-log" data-testid="event-log" aria-label="Events received, newest first">
        {entries.length === 0 && <li className="muted empty">No events received yet.</li>}
        {entries.map((entry) => (
          <li key={entry.id} data-event-id={entry.id} data-event-type={entry.type} className={entry.type === 'replay_gap' ? 'gap' : undefined}>
            <time dateTime={entry.at}>{formatTime(entry.at)}</time> <code>{entry.type}</code> <span>{entry.summary}</span>
            {entry.sandbox && <span className="tag">sandbox</span>}
          </li>
        ))}
      </ol>
    </Section>
  );
}
