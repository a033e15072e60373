package com.finagent.application.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files generated on first use in {@code FINAGENT_HOME/keys}, which the instances of a cluster on one machine
 * share: every instance must end up with the key that is on disk, however many generated one at the same moment.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Stores {@code content} as {@code file} (readable by its owner only) unless the file exists, and returns what
     * the file holds: the first writer's content, for every caller. The content is written to a temporary file and
     * then hard-linked to its name, which fails if the name is taken; a rename would silently replace a key that
     * another process already read and signs with.
     */
    public static String createOnce(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the directory's ACL protects it.
                }
                Files.writeString(temporary, content, StandardCharsets.US_ASCII);
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherProcessWon) {
                // Its key is the key.
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }
}
