package com.finagent.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The pieces of the packaged EAR, and of the test class path, that a layer's test deploys. */
final class Deployments {

    private Deployments() {
    }

    /**
     * The library {@code groupId-artifactId} of the EAR's {@code lib/} directory (whichever version the build packed),
     * under its own name, so that it lands in {@code WEB-INF/lib} and not below {@code WEB-INF/lib/lib}; read without
     * importing the whole 130 MB EAR.
     */
    static JavaArchive earLibrary(String groupAndArtifact) {
        Pattern name = Pattern.compile("lib/(" + Pattern.quote(groupAndArtifact) + "-\\d[^/]*\\.jar)");
        try (ZipFile ear = new ZipFile(earFile())) {
            ZipEntry entry = ear.stream().filter(candidate -> name.matcher(candidate.getName()).matches()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The EAR has no library " + groupAndArtifact));
            try (InputStream jar = ear.getInputStream(entry)) {
                return ShrinkWrap.create(ZipImporter.class, entry.getName().substring("lib/".length()))
                        .importFrom(jar).as(JavaArchive.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar on this JVM's class path that holds {@code type}, for a test library that the server lacks. */
    static JavaArchive jarOf(Class<?> type) {
        try {
            File jar = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ShrinkWrap.createFromZipFile(JavaArchive.class, jar);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static File earFile() {
        File ear = new File(System.getProperty("finagent.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("Package the EAR first: " + ear);
        }
        return ear;
    }
}
