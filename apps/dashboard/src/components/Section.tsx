import { useId, type ReactNode } from 'react';

interface SectionProps {
  title: string;
  /** Extra class, e.g. `section-wide` to span the whole grid row. */
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A landmark region of the page (sales, inventory, ...) named by its level-2 heading. */
export function Section({ title, className, testId, children }: SectionProps) {
  const headingId = useId();
  return (
    <section className={['section', className].filter(Boolean).join(' ')} aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
