'use client';

import { useEffect, useState } from 'react';
import { api, isAbort, type AuditPage } from '@/lib/api';
import AuditTable from './AuditTable';
import ErrorMessage from './ErrorMessage';
import Pager from './Pager';

const PAGE_SIZE = 25;

/** The signed-in user's own security events: sign-ins (also failed ones), tokens, linked banks, deletions. */
export default function SecurityEventsView() {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<AuditPage | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    api.securityEvents(page, PAGE_SIZE, controller.signal).then(setData, (err: unknown) => {
      if (!isAbort(err)) setError(err);
    });
    return () => controller.abort();
  }, [page]);

  return (
    <section className="panel">
      <header className="page-header">
        <div>
          <h1>Security events</h1>
          <p className="muted">Sign-ins to your account, failed ones too, and changes to your linked banks and data.</p>
        </div>
      </header>
      <ErrorMessage error={error} />
      {data && (
        <>
          <AuditTable entries={data.entries} showActor={false} />
          <Pager page={page} total={data.total} size={PAGE_SIZE} onPage={setPage} />
        </>
      )}
    </section>
  );
}
