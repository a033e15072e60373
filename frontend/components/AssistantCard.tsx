'use client';

import type { CSSProperties } from 'react';
import type { Assistant } from '@/lib/api';
import AssistantIcon from './AssistantIcon';

const FALLBACK_COLOR = '#3b82f6';

function safeColor(color: string | undefined): string {
  if (!color) return FALLBACK_COLOR;
  if (typeof CSS !== 'undefined' && typeof CSS.supports === 'function') {
    return CSS.supports('color', color) ? color : FALLBACK_COLOR;
  }
  return /^[#a-zA-Z0-9(),.%\s-]+$/.test(color) ? color : FALLBACK_COLOR;
}

export function accentStyle(assistant: Assistant): CSSProperties {
  return { '--accent': safeColor(assistant.color) } as CSSProperties;
}

interface Props {
  assistant: Assistant;
  selected: boolean;
  focused?: boolean;
  onSelect: (id: string) => void;
}

export default function AssistantCard({ assistant, selected, focused, onSelect }: Props) {
  const classes = ['assistant-card', selected && 'is-selected', focused && 'is-focused'].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      id={`assistant-${assistant.id}`}
      className={classes}
      style={accentStyle(assistant)}
      data-testid={`assistant-card-${assistant.id}`}
      data-selected={selected ? 'true' : 'false'}
      aria-pressed={selected}
      onClick={() => onSelect(assistant.id)}
    >
      <span className="assistant-card-head">
        <span className="assistant-badge">
          <AssistantIcon name={assistant.icon} label={assistant.name} />
        </span>
        <span className="assistant-name">{assistant.name}</span>
        {selected && (
          <span className="selected-pill" data-testid="selected-assistant">
            Selected
          </span>
        )}
      </span>
      <span className="assistant-description">{assistant.description}</span>
      {assistant.expertise?.length > 0 && (
        <span className="chips">
          {assistant.expertise.map((topic) => (
            <span className="chip" key={topic}>
              {topic}
            </span>
          ))}
        </span>
      )}
    </button>
  );
}
