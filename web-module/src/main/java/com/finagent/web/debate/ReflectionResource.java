package com.finagent.web.debate;

import com.finagent.application.debate.Reflections;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.auth.CurrentUser;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** How the caller's past recommendations turned out, and the lessons later debates receive. */
@Path("/reflections")
@Authenticated
@Tag(name = "Debates")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Produces(MediaType.APPLICATION_JSON)
public class ReflectionResource {

    @EJB
    Reflections reflections;

    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The caller's remembered recommendations with their outcome and lesson once due")
    public List<Reflections.Reflection> list() {
        return reflections.list(currentUser.id());
    }

    @POST
    @Path("/evaluate")
    @Operation(summary = "Evaluate the caller's recommendations whose horizon has passed (also done daily)")
    public ReflectionsEvaluated evaluate() {
        return new ReflectionsEvaluated(reflections.evaluateDue(currentUser.id()));
    }
}
