'use client';

import { ApiError, send } from './api';

/** One error of a GraphQL answer; the server sends messages written for people and no internals. */
export interface GraphQlError {
  message: string;
}

/**
 * POSTs a query to /graphql with the bearer token, as the REST calls do (a 401 or 403 problem signs out or fails
 * like them). An answer without data fails as a client error (not retried) with the errors' messages as its detail;
 * with data, fields that failed are null (the schema makes the ones that may fail nullable) and the rest is shown.
 */
export async function graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const res = await send('POST', '/graphql', { body: { query, variables }, signal });
  const answer = (await res.json()) as { data?: T | null; errors?: GraphQlError[] };
  if (!answer.data) {
    const detail = answer.errors?.map((e) => e.message).join('; ') || 'The server answered no data.';
    throw new ApiError(400, { title: 'Query failed', status: 400, detail });
  }
  return answer.data;
}
