package com.finagent.web.activity;

import com.finagent.application.activity.ActivityCsv;
import com.finagent.application.activity.CsvImport;

import java.util.List;

/** What an import read: its rows, the activities they became, the rows in error, and whether it was stored. */
public record ActivityImportView(String layout, int rows, List<ActivityView> activities, List<RowErrorView> errors,
                                 boolean stored, int added) {

    /** A row that could not be read (line 0: the rows as a whole, such as a sell of shares not held). */
    public record RowErrorView(long line, String message) {
    }

    static ActivityImportView of(CsvImport outcome) {
        return new ActivityImportView(outcome.layout(), outcome.rows(),
                outcome.activities().stream().map(a -> ActivityView.of(a, outcome.stored())).toList(),
                outcome.errors().stream().map(ActivityImportView::error).toList(), outcome.stored(),
                outcome.added());
    }

    private static RowErrorView error(ActivityCsv.RowError error) {
        return new RowErrorView(error.line(), error.message());
    }
}
