package com.finagent.application.user;

import com.finagent.application.security.AccessToken;
import com.finagent.persistence.user.AppUser;

/** A new account and the access token that signs its owner in. */
public record Registration(AppUser user, AccessToken token) {
}
