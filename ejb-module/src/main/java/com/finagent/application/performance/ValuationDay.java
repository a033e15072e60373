package com.finagent.application.performance;

import java.time.LocalDate;

/**
 * A portfolio at the close of one day: its value, and the money that came in from outside that day (negative
 * when taken out). A flow is taken to arrive at the start of its day, so the day's return is earned on it.
 */
public record ValuationDay(LocalDate date, double value, double flow) {
}
