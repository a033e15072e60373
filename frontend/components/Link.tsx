'use client';

import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '@/lib/router';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** Plain <a> that navigates with history.pushState (modified clicks open normally). */
export default function Link({ href, onClick, ...rest }: Props) {
  function handleClick(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    e.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
