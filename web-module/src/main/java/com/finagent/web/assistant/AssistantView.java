package com.finagent.web.assistant;

import com.finagent.agents.profile.AssistantProfile;

import java.util.List;

/** The public face of an assistant profile: its instructions and tools stay on the server. */
public record AssistantView(String id, String name, String description, String color, String icon,
                            List<String> expertise) {

    public static AssistantView of(AssistantProfile profile) {
        return new AssistantView(profile.id(), profile.name(), profile.description(), profile.color(),
                profile.icon(), profile.expertise());
    }
}
