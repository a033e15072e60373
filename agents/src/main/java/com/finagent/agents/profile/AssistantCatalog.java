package com.finagent.agents.profile;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The assistant profiles, read from {@code assistants.json} beside this class, in display order. */
public final class AssistantCatalog {

    private static final String RESOURCE = "assistants.json";
    private static final Type PROFILE_LIST = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[]{AssistantProfile.class};
        }

        @Override
        public Type getRawType() {
            return List.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    private final Map<String, AssistantProfile> profilesById;
    private final List<AssistantProfile> ordered;

    private AssistantCatalog(List<AssistantProfile> profiles) {
        Map<String, AssistantProfile> byId = new LinkedHashMap<>();
        for (AssistantProfile profile : profiles) {
            if (byId.put(profile.id(), profile) != null) {
                throw new IllegalStateException("Duplicate assistant id: " + profile.id());
            }
        }
        this.profilesById = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    /** Loads the bundled catalogue. */
    public static AssistantCatalog load() {
        try (InputStream json = AssistantCatalog.class.getResourceAsStream(RESOURCE);
             Jsonb jsonb = JsonbBuilder.create()) {
            if (json == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return new AssistantCatalog(jsonb.fromJson(json, PROFILE_LIST));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        } catch (Exception e) {
            throw new IllegalStateException("Invalid " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public List<AssistantProfile> all() {
        return ordered;
    }

    public Optional<AssistantProfile> find(String id) {
        return Optional.ofNullable(profilesById.get(id));
    }
}
