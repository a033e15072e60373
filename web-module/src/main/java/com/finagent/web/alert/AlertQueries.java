package com.finagent.web.alert;

import com.finagent.application.alert.RatingAlerts;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/** GraphQL's rating alerts and watched symbols, as {@code GET /api/v1/alerts} and {@code /alerts/watches} list them. */
@GraphQLApi
@RequestScoped
public class AlertQueries {

    @EJB
    RatingAlerts alerts;

    @Inject
    CurrentUser currentUser;

    @Query("alerts")
    @Description("The caller's rating-change alerts, newest first, each linking the debate that changed it")
    public @NonNull List<@NonNull AlertView> alerts() {
        return alerts.list(currentUser.id()).stream().map(AlertView::of).toList();
    }

    @Query("ratingWatches")
    @Description("The held symbols debates have rated, with their last rating and whether they are muted")
    public @NonNull List<@NonNull RatingWatchView> ratingWatches() {
        return alerts.watches(currentUser.id()).stream().map(RatingWatchView::of).toList();
    }
}
