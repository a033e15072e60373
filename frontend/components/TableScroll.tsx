import type { ReactNode } from 'react';

/**
 * A table that, on a screen narrower than itself (a phone), scrolls sideways inside this box instead of widening the
 * page. The box is a named region in the tab order, so that a keyboard user can scroll it too.
 */
export default function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
