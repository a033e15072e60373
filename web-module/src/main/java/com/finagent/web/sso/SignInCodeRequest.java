package com.finagent.web.sso;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one-time code the sign-on module handed the browser after the provider's sign-in. */
public record SignInCodeRequest(@NotBlank @Size(max = 100) String code) {
}
