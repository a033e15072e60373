package com.finagent.web.plaid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Link's public token, to exchange for an item (a class: see the auth requests). */
public class PublicTokenRequest {

    @NotBlank
    @Size(max = 200)
    private String publicToken;

    public String getPublicToken() {
        return publicToken;
    }

    public void setPublicToken(String publicToken) {
        this.publicToken = publicToken;
    }
}
