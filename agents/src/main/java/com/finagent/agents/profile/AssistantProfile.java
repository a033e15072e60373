package com.finagent.agents.profile;

import java.util.List;

/**
 * One of the assistant personas the user can pick.
 *
 * @param id           stable identifier used by the API and the debate workflow
 * @param name         display name
 * @param description  one-line description shown in the selector
 * @param color        CSS colour of the persona's card
 * @param icon         icon name understood by the front end
 * @param expertise    areas shown as tags
 * @param tools        names of the tools the persona's agent may call
 * @param instructions the persona's system instructions
 */
public record AssistantProfile(String id, String name, String description, String color, String icon,
                               List<String> expertise, List<String> tools, String instructions) {

    public AssistantProfile {
        expertise = List.copyOf(expertise);
        tools = List.copyOf(tools);
    }
}
