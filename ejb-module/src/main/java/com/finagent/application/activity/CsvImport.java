package com.finagent.application.activity;

import com.finagent.persistence.portfolio.Activity;

import java.util.List;

/**
 * What a CSV import read and did: the rows, the activities they became, the rows that could not be read, and
 * whether the activities were stored (never when there is an error, or when only a preview was asked for).
 */
public record CsvImport(String layout, int rows, List<Activity> activities, List<ActivityCsv.RowError> errors,
                        boolean stored, int added) {
}
