package com.finagent.agents.offline.chat;

import com.finagent.agents.memory.Memory;
import dev.langchain4j.agent.tool.ToolExecutionRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the offline chat makes of a question: the symbols and capabilities it is about, the tool calls that serve
 * them, what the user stated about themselves, and how it relates to the conversation so far.
 */
final class ChatPlan {
    final List<String> symbols = new ArrayList<>();
    final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    final Set<Capability> missing = EnumSet.noneOf(Capability.class);
    final List<ToolExecutionRequest> calls = new ArrayList<>();
    final List<Memory> stated = new ArrayList<>();
    final List<String> previousSymbols = new ArrayList<>();
    String previousQuestion;
    boolean followUp;
    boolean greeting;
    boolean statementOnly;
    boolean needsSymbol;
    boolean advice;
    boolean toolsOffered;
}
