package com.finagent.web.partner;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A partner client to register (a class for the reason given on {@code RegistrationRequest}). */
public class ClientRegistrationRequest {

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotEmpty
    @Size(max = 20)
    private List<@NotBlank String> scopes;

    @NotNull
    @Min(1)
    @Max(100000)
    private Integer rateLimitPerMinute;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }
}
