/** One headline figure; a tone colours it as a gain (positive) or a loss (negative). */
export default function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: number; testId?: string }) {
  return (
    <div className="panel">
      <p className="muted small">{label}</p>
      <p className={`quote-price ${tone == null ? '' : tone < 0 ? 'negative' : 'positive'}`} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
