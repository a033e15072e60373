package com.finagent.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has heap to spare; a process that cannot allocate should be restarted. */
@Liveness
@ApplicationScoped
public class ApplicationLivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        double used = (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(used < MAX_HEAP_USED)
                .withData("usedFraction", String.format("%.2f", used))
                .build();
    }
}
