package com.finagent.plaid.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.plaid.client.JSON;
import io.swagger.annotations.ApiModelProperty;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's own Gson (same field names, enum values and date formats the SDK parses), with one change:
 * Plaid always sends required fields, as {@code null} when they have no value ({@code "mask": null}),
 * while plain Gson drops every null. Which fields are required is read from the SDK models' own
 * {@code @ApiModelProperty(required = true)}, so the rule follows the SDK rather than a list kept here.
 * Responses are built as trees (a few endpoints add fields newer than the SDK) and written with their nulls.
 * Gson rather than JSON-B because the SDK's models are bound with Gson: the same library reads what this writes.
 */
final class PlaidJson {

    private static final String MODEL_PACKAGE = "com.plaid.client.model";

    static final Gson GSON = new JSON().getGson().newBuilder()
            .registerTypeAdapterFactory(new RequiredNullsFactory())
            .disableHtmlEscaping()
            .create();

    /** Writes finished trees: keeps their nulls and, like Plaid, leaves '&' and '<' unescaped. */
    private static final Gson TREE_WRITER = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private PlaidJson() {
    }

    static JsonObject tree(Object model) {
        return GSON.toJsonTree(model).getAsJsonObject();
    }

    /** The JSON text of a finished tree or of an SDK model. */
    static String text(Object body) {
        return body instanceof JsonElement tree ? TREE_WRITER.toJson(tree) : GSON.toJson(body);
    }

    /** JSON names of the fields of an SDK model class (for the unknown-field check on requests). */
    static Set<String> fieldNames(Class<?> model) {
        Set<String> names = new HashSet<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null && !Modifier.isStatic(field.getModifiers())) {
                names.add(name.value());
            }
        }
        return names;
    }

    /** JSON names of the fields the SDK model marks as required. */
    static Set<String> requiredNames(Class<?> model) {
        return RequiredNullsFactory.REQUIRED.computeIfAbsent(model, PlaidJson::readRequired);
    }

    private static Set<String> readRequired(Class<?> model) {
        Set<String> required = new HashSet<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
            for (String prefix : new String[] {"get", "is"}) {
                try {
                    Method getter = model.getMethod(prefix + suffix);
                    ApiModelProperty property = getter.getAnnotation(ApiModelProperty.class);
                    if (property != null && property.required()) {
                        required.add(name.value());
                    }
                    break;
                } catch (NoSuchMethodException absent) {
                    // the other prefix
                }
            }
        }
        return required;
    }

    /**
     * Writes SDK models in one pass: a null field is written (as null) only if the model marks it required.
     * Reads are left to Gson's reflective adapter.
     */
    private static final class RequiredNullsFactory implements TypeAdapterFactory {

        static final Map<Class<?>, Set<String>> REQUIRED = new ConcurrentHashMap<>();

        private record Property(Field field, String name, boolean required, TypeAdapter<Object> adapter) {
        }

        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (raw.isEnum() || raw.getPackage() == null || !MODEL_PACKAGE.equals(raw.getPackage().getName())) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            Set<String> required = requiredNames(raw);
            List<Property> properties = new ArrayList<>();
            for (Field field : raw.getDeclaredFields()) {
                SerializedName name = field.getAnnotation(SerializedName.class);
                if (name == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                @SuppressWarnings("unchecked")
                TypeAdapter<Object> adapter =
                        (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(field.getGenericType()));
                properties.add(new Property(field, name.value(), required.contains(name.value()), adapter));
            }
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                        return;
                    }
                    out.beginObject();
                    for (Property property : properties) {
                        Object fieldValue;
                        try {
                            fieldValue = property.field().get(value);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                        if (fieldValue != null) {
                            out.name(property.name());
                            property.adapter().write(out, fieldValue);
                        } else if (property.required()) {
                            boolean serializeNulls = out.getSerializeNulls();
                            out.setSerializeNulls(true);
                            out.name(property.name()).nullValue();
                            out.setSerializeNulls(serializeNulls);
                        }
                    }
                    out.endObject();
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    return delegate.read(in);
                }
            };
        }
    }
}
