package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debate's prompts: the system prompts as templates beside {@link DebateAgent}, the turns' messages as
 * instructions with the context block of {@link AgentProtocol}.
 */
final class Prompts {

    /** The system prompt of a participant, beside {@link DebateAgent}; variables as {@link #participantSystem}. */
    static final String PARTICIPANT_SYSTEM = "participant-system.txt";
    /** The moderator's system prompt, beside {@link DebateAgent}; variables as {@link #moderatorSystem}. */
    static final String MODERATOR_SYSTEM = "moderator-system.txt";

    private static final PromptTemplate PARTICIPANT = PromptTemplate.from(resource(PARTICIPANT_SYSTEM));
    private static final PromptTemplate MODERATOR = PromptTemplate.from(resource(MODERATOR_SYSTEM));

    private Prompts() {
    }

    /** What {@link DebateAgent#argue} sends as the system message. */
    static SystemMessage participantSystem(Participant participant, AssistantProfile profile, int participants) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", participant.name());
        variables.put("participants", participants);
        variables.put("assistant", profile.name());
        variables.put("instructions", profile.instructions());
        variables.put("mandate", participant.brief());
        return PARTICIPANT.apply(variables).toSystemMessage();
    }

    static UserMessage initial(DebateRequest request, Participant participant, Evidence evidence) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("task", AgentProtocol.TASK_INITIAL);
        context.put("participant", Map.of("id", participant.id(), "name", participant.name(),
                "mandate", participant.mandate()));
        context.put("query", request.query());
        context.put("assistantType", request.assistantType());
        context.put("symbols", request.symbols());
        context.put("evidence", evidence);
        if (request.portfolio() != null) {
            context.put("portfolio", request.portfolio());
        }
        return UserMessage.from(AgentProtocol.userMessage("Analyse the question from your mandate. If tools are "
                + "offered and would add figures you need, call them first. Then answer with your position JSON.",
                context));
    }

    /** @param weighed every citation of the participant's positions so far */
    static UserMessage round(int round, Position own, Collection<String> weighed, List<Position> others,
                             Map<String, Participant> participants) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("task", AgentProtocol.TASK_ROUND);
        context.put("round", round);
        Map<String, Object> you = view(own, participants);
        you.put("weighed", List.copyOf(weighed));
        context.put("you", you);
        List<Object> views = new ArrayList<>();
        for (Position other : others) {
            views.add(view(other, participants));
        }
        context.put("others", views);
        return UserMessage.from(AgentProtocol.userMessage("Round " + round + " of the debate. Read the other "
                + "participants' latest positions. Rebut the strongest opposing point with your own evidence (an "
                + "argument with \"respondsTo\" set to its participant id). Change your stance only when evidence you have "
                + "not weighed before (not in \"you.weighed\") warrants it: cite that evidence, move one notch and set "
                + "\"revisedFrom\". Another participant's confidence is no reason to move, and a change that cites "
                + "nothing new is rejected. Otherwise hold your stance. Answer with your position JSON.", context));
    }

    /** What {@link DebateAgent#moderate} sends as the system message. */
    static SystemMessage moderatorSystem(AssistantProfile profile) {
        return MODERATOR.apply(Map.of("assistant", profile.name(), "brief", Roster.MODERATOR.brief(),
                "instructions", profile.instructions())).toSystemMessage();
    }

    static UserMessage recommendation(DebateRequest request, Consensus consensus, List<Position> positions,
                                      Map<String, Participant> participants, boolean budgetLimited) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("task", AgentProtocol.TASK_RECOMMENDATION);
        context.put("query", request.query());
        context.put("assistantType", request.assistantType());
        context.put("symbols", request.symbols());
        context.put("consensus", consensus);
        List<Object> views = new ArrayList<>();
        for (Position position : positions) {
            views.add(view(position, participants));
        }
        context.put("positions", views);
        if (request.portfolio() != null) {
            context.put("portfolio", request.portfolio());
        }
        context.put("budgetLimited", budgetLimited);
        return UserMessage.from(AgentProtocol.userMessage("Write the debate's final recommendation from the consensus, "
                + "the final positions and the dissent below. If a portfolio is given, say what the view means for "
                + "each of the user's positions in question. Answer with the recommendation JSON.", context));
    }

    static UserMessage repair(String error) {
        return UserMessage.from(AgentProtocol.userMessage("Your previous answer could not be used: " + error
                + ". Reply with only the JSON object in the required form.", Map.of("task", AgentProtocol.TASK_REPAIR,
                "error", error)));
    }

    private static Map<String, Object> view(Position position, Map<String, Participant> participants) {
        Map<String, Object> view = new LinkedHashMap<>();
        Participant participant = participants.get(position.participant());
        view.put("participant", position.participant());
        view.put("name", participant == null ? position.participant() : participant.name());
        view.put("stance", position.stance());
        view.put("confidence", position.confidence());
        view.put("summary", position.summary());
        view.put("arguments", position.arguments());
        return view;
    }

    private static String resource(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
