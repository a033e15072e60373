'use client';

/** Newer / older buttons for a paged list. */
export default function Pager({ page, total, size, onPage }: {
  page: number;
  total: number;
  size: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <div className="row-actions">
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="small">
        Page {page + 1} of {pages}
      </span>
      <button type="button" className="btn btn-small" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </div>
  );
}
