package com.finagent.application.macro;

import java.io.Serializable;
import java.time.LocalDate;

/** One published value of a FRED series, for the period starting on {@code date}. */
public record FredObservation(LocalDate date, double value) implements Serializable {
}
