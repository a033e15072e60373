package com.finagent.web.debate;

import com.finagent.application.debate.DebateService;
import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

/**
 * GraphQL's recent debates: the caller's own, newest first, as {@code GET /api/v1/debates} lists them, each with the
 * rating it reached instead of its whole outcome (that stays at {@code GET /api/v1/debates/{id}}).
 */
@GraphQLApi
@RequestScoped
public class DebateQueries {

    static final int MAX_LIMIT = 50;

    @EJB
    DebateService debates;

    @Inject
    CurrentUser currentUser;

    @Query("debates")
    @Description("The caller's most recent debates, newest first (at most 50)")
    public @NonNull List<@NonNull DebateSummaryView> debates(@Name("limit") @DefaultValue("5") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new FinAgentException(ErrorType.VALIDATION, "limit must be between 1 and " + MAX_LIMIT);
        }
        return debates.list(currentUser.id()).stream().limit(limit).map(DebateSummaryView::of).toList();
    }
}
