import type { ReactNode } from 'react';

/** Inline 24x24 stroke icons for the API's short icon names. */
const ICONS: Record<string, ReactNode> = {
  bot: (
    <>
      <rect x="4" y="8" width="16" height="12" rx="2" />
      <path d="M12 8V4" />
      <circle cx="12" cy="3" r="1" />
      <path d="M2 13v2M22 13v2" />
      <circle cx="9" cy="14" r="1" />
      <circle cx="15" cy="14" r="1" />
    </>
  ),
  'line-chart': (
    <>
      <path d="M3 3v18h18" />
      <path d="M7 15l4-4 3 3 6-6" />
    </>
  ),
  'trending-up': (
    <>
      <path d="M3 17l6-6 4 4 8-8" />
      <path d="M15 7h6v6" />
    </>
  ),
  briefcase: (
    <>
      <rect x="3" y="7" width="18" height="13" rx="2" />
      <path d="M9 7V5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2v2" />
      <path d="M3 13h18" />
    </>
  ),
  shield: <path d="M12 3l7 3v5c0 4.5-3 8.5-7 10-4-1.5-7-5.5-7-10V6z" />,
  globe: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18" />
      <path d="M12 3a14 14 0 0 1 0 18a14 14 0 0 1 0-18" />
    </>
  ),
};

const ALIASES: Record<string, string> = {
  robot: 'bot',
  chart: 'line-chart',
  'chart-line': 'line-chart',
  trending: 'trending-up',
  'shield-check': 'shield',
  earth: 'globe',
};

function normalize(name: string): string {
  const kebab = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[\s_]+/g, '-')
    .toLowerCase();
  return ALIASES[kebab] ?? kebab;
}

export default function AssistantIcon({ name, label }: { name: string; label: string }) {
  const icon = ICONS[normalize(name ?? '')];
  if (!icon) {
    // Unknown name: an emoji passes through as-is, anything else becomes an initial.
    const text = name && !/^[\x00-\x7F]+$/.test(name) ? name : (label || '?').charAt(0).toUpperCase();
    return (
      <span className="assistant-icon assistant-icon-text" aria-hidden="true">
        {text}
      </span>
    );
  }
  return (
    <svg
      className="assistant-icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {icon}
    </svg>
  );
}
