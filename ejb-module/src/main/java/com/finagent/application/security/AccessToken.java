package com.finagent.application.security;

/** A signed bearer token and its lifetime in seconds. */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
