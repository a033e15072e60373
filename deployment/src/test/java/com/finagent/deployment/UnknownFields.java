package com.finagent.deployment;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of a manifest that the typed model does not know. fabric8's model classes do not reject an unknown
 * field: they keep it in {@code additionalProperties}, where a misspelt {@code readinesProbe} would sit unnoticed
 * (and the API server would drop it). This walks the object graph through the models' getters and lists every
 * non-empty {@code additionalProperties} with its path.
 */
final class UnknownFields {

    private final List<String> found = new ArrayList<>();

    private UnknownFields() {
    }

    static List<String> in(Object model) {
        UnknownFields walker = new UnknownFields();
        if (model instanceof GenericKubernetesResource custom) {
            // A custom resource keeps all of its content in additionalProperties; only its metadata is typed.
            walker.walk(custom.getMetadata(), "metadata");
        } else {
            walker.walk(model, "");
        }
        return walker.found;
    }

    private void walk(Object value, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "[" + key + "]"));
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]");
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isPropertyGetter(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
                }
            } else {
                walk(property, (path.isEmpty() ? "" : path + ".") + propertyName(getter));
            }
        }
    }

    private static boolean isPropertyGetter(Method method) {
        return method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get")
                && !method.getName().equals("getClass")
                && method.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
