package com.finagent.application.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The instances of a cluster starting together with no key yet: all of them must end up with the same key. */
class KeyFilesTest {

    @TempDir
    Path home;

    @Test
    void ofManyWritersRacingForANewKeyFileEveryOneReadsTheFirstWritersKey() throws Exception {
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 20; round++) {
                Path file = home.resolve("keys").resolve("key-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> read = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    String mine = "key of writer " + i;
                    read.add(pool.submit(() -> {
                        start.await();
                        return KeyFiles.createOnce(file, mine);
                    }));
                }
                start.countDown();
                Set<String> keys = new HashSet<>();
                for (Future<String> key : read) {
                    keys.add(key.get());
                }
                assertEquals(1, keys.size(), "round " + round + ": " + keys);
                assertEquals(keys.iterator().next(), Files.readString(file));
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
            try (var left = Files.list(home.resolve("keys"))) {
                assertEquals(20, left.count(), "no temporary file is left behind");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
