package com.finagent.application.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log records with context fields. Payara's JSON log format writes each entry of a {@code Map} parameter as a field
 * of the record's JSON object, so an operator filters by {@code userId}, {@code debateId}, {@code agentName} or
 * {@code traceId} instead of parsing messages; the other formats leave the parameter out of the message. The trace
 * id of the current span is added to every record.
 */
public final class StructuredLog {

    private StructuredLog() {
    }

    /** Logs {@code message} with {@code fields} (null values left out) and the current trace id. */
    public static void log(Logger logger, Level level, String message, Map<String, ?> fields) {
        if (!logger.isLoggable(level)) {
            return;
        }
        Map<String, String> context = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                context.put(name, String.valueOf(value));
            }
        });
        String traceId = Traces.currentTraceId();
        if (traceId != null) {
            context.putIfAbsent("traceId", traceId);
        }
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger.getName());
        record.setParameters(new Object[] {context});
        logger.log(record);
    }

    /** Logs {@code message} at INFO with {@code fields}. */
    public static void info(Logger logger, String message, Map<String, ?> fields) {
        log(logger, Level.INFO, message, fields);
    }
}
