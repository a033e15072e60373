package com.finagent.web.auth;

import com.finagent.web.api.FinAgentApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Lets a partner check that its token is accepted; also the baseline of the API benchmarks. */
@Path("/ping")
@Authenticated
@Tag(name = "Authentication")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GET
    @Operation(summary = "Answers when the bearer token is valid")
    public Map<String, String> ping() {
        return PONG;
    }
}
