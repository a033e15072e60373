package com.finagent.plaid.sandbox;

/** What an endpoint gets: the parsed request, the item its access token names (if any) and the request id. */
record SandboxCall<T>(T request, SandboxItem item, String requestId) {
}
