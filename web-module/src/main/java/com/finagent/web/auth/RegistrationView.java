package com.finagent.web.auth;

import com.finagent.application.security.AccessToken;
import com.finagent.application.user.Registration;

/** A new account and the token that signs its owner in, so registering needs no second sign-in. */
public record RegistrationView(UserView user, AccessToken token) {

    public static RegistrationView of(Registration registration) {
        return new RegistrationView(UserView.of(registration.user()), registration.token());
    }
}
