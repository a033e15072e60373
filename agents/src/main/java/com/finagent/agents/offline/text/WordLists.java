package com.finagent.agents.offline.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Word lists of the offline models, kept as resource files rather than Java literals so that a reader can review
 * and extend them without reading code. A file holds sections: a {@code [header]} line names a section (the header
 * may carry parameters after its name, as the sentiment lexicon's do), and every other line is one entry, a word or
 * a phrase. Blank lines and lines starting with {@code #} are ignored. Read once by the class that owns the file;
 * immutable afterwards.
 */
public final class WordLists {

    /**
     * One section of a word list file.
     *
     * @param header  the text between the brackets, e.g. {@code stop-words} or {@code direction +1 0.4 before}
     * @param entries the words and phrases in file order
     */
    public record Section(String header, List<String> entries) {

        public Section {
            entries = List.copyOf(entries);
        }

        /** The header's first word. */
        public String name() {
            int space = header.indexOf(' ');
            return space < 0 ? header : header.substring(0, space);
        }

        /** The header's words after the name. */
        public List<String> parameters() {
            String[] words = header.trim().split("\\s+");
            return List.of(words).subList(1, words.length);
        }
    }

    private final String resource;
    private final List<Section> sections;

    private WordLists(String resource, List<Section> sections) {
        this.resource = resource;
        this.sections = List.copyOf(sections);
    }

    /**
     * Reads a word list file beside {@code owner}.
     *
     * @throws IllegalStateException when the file is missing or has entries before its first header
     */
    public static WordLists load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing word list " + resource + " beside " + owner.getName());
            }
            return read(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read word list " + resource, e);
        }
    }

    private static WordLists read(String resource, BufferedReader reader) throws IOException {
        List<Section> sections = new ArrayList<>();
        String header = null;
        List<String> entries = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                if (header != null) {
                    sections.add(new Section(header, entries));
                }
                header = text.substring(1, text.length() - 1).strip();
                entries = new ArrayList<>();
            } else if (header == null) {
                throw new IllegalStateException("Word list " + resource + " has an entry before its first [section]");
            } else {
                entries.add(text);
            }
        }
        if (header != null) {
            sections.add(new Section(header, entries));
        }
        return new WordLists(resource, sections);
    }

    /** Every section in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** The entries of the section with this name, in file order. */
    public List<String> list(String name) {
        return sections.stream().filter(section -> section.name().equals(name)).findFirst()
                .map(Section::entries)
                .orElseThrow(() -> new IllegalStateException("Word list " + resource + " has no [" + name + "]"));
    }

    /** The entries of the section with this name as an unmodifiable set. */
    public Set<String> set(String name) {
        return Set.copyOf(list(name));
    }
}
