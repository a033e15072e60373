package com.finagent.agents.debate;

import com.finagent.agents.model.AgentProtocol;
import com.finagent.agents.profile.AssistantProfile;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The debate's prompts: instructions for a language model and the context block of {@link AgentProtocol}. */
final class Prompts {

    private static final String POSITION_FORMAT = "{\"stance\": \"STRONG_SELL|SELL|HOLD|BUY|STRONG_BUY\", "
            + "\"confidence\": 0.0-1.0, \"summary\": \"one or two sentences\", \"arguments\": [{\"claim\": \"...\", "
            + "\"evidence\": [\"item-id\", \"facts-id#metric\"], \"direction\": \"bullish|bearish|neutral\", "
            + "\"respondsTo\": \"participant id or null\"}], \"symbols\": [{\"symbol\": \"...\", \"stance\": \"...\", "
            + "\"score\": -1.0..1.0}], \"respondsTo\": \"participant id or null\", \"revisedFrom\": \"previous stance or null\"}";

    private static final String RULES = """
            Rules:
            - Use only the evidence in the context block and your tool results. Quote a number only if it appears \
            there; never estimate or invent figures.
            - Cite every argument: evidence item ids, figures as FACTS_OR_TOOL_RESULT_ID#metric, the user's positions \
            as portfolio:SYMBOL.
            - Answer with one JSON object and nothing else, in this form:
            """;

    private Prompts() {
    }

    static SystemMessage participantSystem(Participant participant, AssistantProfile profile, int participants) {
        return SystemMessage.from("You are " + participant.name() + ", one of " + participants
                + " participants in an investment debate run by Fin Agent's " + profile.name() + ".\n"
                + profile.instructions() + "\nYour mandate: " + participant.brief() + "\n" + RULES + POSITION_FORMAT);
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

    static UserMessage round(int round, Position own, List<Position> others, Map<String, Participant> participants) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("task", AgentProtocol.TASK_ROUND);
        context.put("round", round);
        context.put("you", view(own, participants));
        List<Object> views = new ArrayList<>();
        for (Position other : others) {
            views.add(view(other, participants));
        }
        context.put("others", views);
        return UserMessage.from(AgentProtocol.userMessage("Round " + round + " of the debate. Read the other "
                + "participants' latest positions. Rebut the strongest opposing point with your own evidence (an "
                + "argument with \"respondsTo\" set to its participant id). If the opposing evidence outweighs yours, "
                + "move your stance one notch toward the group and set \"revisedFrom\"; otherwise hold your stance. "
                + "Answer with your position JSON.", context));
    }

    static SystemMessage moderatorSystem(AssistantProfile profile) {
        return SystemMessage.from("You are the moderator of an investment debate run by Fin Agent's " + profile.name()
                + ".\n" + Roster.MODERATOR.brief() + "\n" + profile.instructions() + "\n"
                + "Keep the consensus rating unless the positions clearly justify one notch away, and say why.\n"
                + RULES + "{\"rating\": \"STRONG_SELL|SELL|HOLD|BUY|STRONG_BUY\", \"headline\": \"...\", "
                + "\"rationale\": \"...\", \"evidence\": [\"ids\"], \"risks\": [{\"text\": \"...\", \"evidence\": [], "
                + "\"raisedBy\": \"participant id\"}], \"whatWouldChange\": [{\"text\": \"...\", \"evidence\": []}], "
                + "\"portfolioActions\": [{\"symbol\": \"...\", \"action\": \"...\", \"reason\": \"...\", "
                + "\"evidence\": [\"portfolio:SYMBOL\"]}]}");
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
}
