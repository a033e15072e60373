package com.finagent.web.auth;

import com.finagent.application.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** GraphQL's view of the signed-in account, as {@code GET /api/v1/me} answers it. */
@GraphQLApi
@RequestScoped
public class MeQueries {

    @EJB
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Query("me")
    @Description("The account the bearer token belongs to")
    public @NonNull UserView me() {
        return UserView.of(users.get(currentUser.id()));
    }
}
