import { useId, type ReactNode } from 'react';

import { SandboxBadge } from './SandboxBadge';

interface CardProps {
  title: string;
  /** Shows the "SANDBOX DATA" badge: the figures on the card came from a sandbox source. */
  sandbox?: boolean;
  /** Small text under the title, e.g. when the figures were synced. */
  subtitle?: ReactNode;
  className?: string;
  children: ReactNode;
  testId?: string;
}

/** One account's (store, marketplace, tenant, organisation) figures, under a level-3 heading. */
export function Card({ title, sandbox = false, subtitle, className, children, testId }: CardProps) {
  const headingId = useId();
  return (
    <article className={['card', className].filter(Boolean).join(' ')} aria-labelledby={headingId} data-testid={testId}>
      <header className="card-header">
        <h3 id={headingId}>{title}</h3>
        {sandbox && <SandboxBadge />}
      </header>
      {subtitle && <p className="card-subtitle">{subtitle}</p>}
      {children}
    </article>
  );
}
