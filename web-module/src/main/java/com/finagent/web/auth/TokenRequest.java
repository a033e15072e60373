package com.finagent.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials exchanged for an access token. */
public record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
}
