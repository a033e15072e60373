'use client';

import { describeError } from '@/lib/api';

/** Shows an API problem's `detail` and its field errors. */
export default function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const { message, fieldErrors } = describeError(error);
  return (
    <div className="alert alert-error" role="alert" data-testid="error-message">
      <p>{message}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              {e.field && <strong>{e.field}: </strong>}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
