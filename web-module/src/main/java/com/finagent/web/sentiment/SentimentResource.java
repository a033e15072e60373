package com.finagent.web.sentiment;

import com.finagent.application.partner.Scope;
import com.finagent.application.sentiment.SentimentService;
import com.finagent.application.workload.HeavyWork;
import com.finagent.web.api.FinAgentApi;
import com.finagent.web.auth.Authenticated;
import com.finagent.web.partner.RequiresScope;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

/** Sentiment of news and social texts. */
@Path("/sentiment")
@Authenticated
@RequiresScope(Scope.SENTIMENT_RUN)
@Tag(name = "Sentiment")
@SecurityRequirement(name = FinAgentApi.BEARER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SentimentResource {

    @EJB
    SentimentService sentiment;

    @Inject
    HeavyWork heavyWork;

    @POST
    @Path("/analyze")
    @Operation(summary = "Score up to 500 texts: one {label, score in [-1, 1], confidence} per text, in order")
    public CompletionStage<SentimentService.Analysis> analyze(@NotNull @Valid SentimentRequest request) {
        return HeavyWork.answer(() -> heavyWork.submit(() -> sentiment.analyze(request.getTexts(), request.getSymbol(), "api")));
    }
}
