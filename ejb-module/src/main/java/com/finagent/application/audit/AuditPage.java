package com.finagent.application.audit;

import java.util.List;

/** A page of audit log entries, newest first, and how many match in all. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
}
