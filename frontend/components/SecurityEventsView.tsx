'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '@/lib/api';
import { queryKeys } from '@/lib/queries';
import AuditTable from './AuditTable';
import ErrorMessage from './ErrorMessage';
import Pager from './Pager';

const PAGE_SIZE = 25;

/** The signed-in user's own security events: sign-ins (also failed ones), tokens, linked banks, deletions. */
export default function SecurityEventsView() {
  const [page, setPage] = useState(0);
  const { data, error } = useQuery({
    queryKey: queryKeys.securityEvents(page, PAGE_SIZE),
    queryFn: ({ signal }) => api.securityEvents(page, PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
  });

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
