package com.finagent.web.plaid;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A sandbox institution and its test login (user_good / pass_good), in place of Plaid Link. */
public class SandboxLoginRequest {

    @NotBlank
    @Pattern(regexp = "ins_[0-9]{1,10}", message = "must be a Plaid institution id such as ins_109508")
    private String institutionId;

    @NotBlank
    @Size(max = 100)
    private String username;

    @NotBlank
    @Size(max = 100)
    private String password;

    public String getInstitutionId() {
        return institutionId;
    }

    public void setInstitutionId(String institutionId) {
        this.institutionId = institutionId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
