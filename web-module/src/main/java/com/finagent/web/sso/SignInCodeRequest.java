package com.finagent.web.sso;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The one-time code the sign-on module handed the browser after the provider's sign-in (a class, not a record, for
 * the reason given on {@code RegistrationRequest}).
 */
public class SignInCodeRequest {

    @NotBlank
    @Size(max = 100)
    private String code;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
