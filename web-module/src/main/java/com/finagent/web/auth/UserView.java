package com.finagent.web.auth;

import com.finagent.persistence.user.AppUser;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;
import java.util.UUID;

/** What a client may see of an account (GraphQL's {@code User}). */
@Type("User")
public record UserView(UUID id, String email, String displayName, List<String> roles) {

    public static UserView of(AppUser user) {
        return new UserView(user.getId(), user.getEmail(), user.getDisplayName(), user.getRoles());
    }
}
