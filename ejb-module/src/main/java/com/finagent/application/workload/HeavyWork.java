package com.finagent.application.workload;

import com.finagent.application.error.ErrorType;
import com.finagent.application.error.FinAgentException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs the CPU-heavy requests of the API (risk, simulation, optimisation, sentiment scoring) on MicroProfile Fault
 * Tolerance's bulkhead: one at a time with a short queue by default, so that on a small machine heavy requests
 * cannot take every core from the light ones. A request that finds the queue full is answered 503 with
 * {@code Retry-After} at once instead of waiting behind minutes of work. Override the sizes with MicroProfile
 * Config: {@code com.finagent.application.workload.HeavyWork/submit/Bulkhead/value} and {@code .../waitingTaskQueue}.
 */
@ApplicationScoped
public class HeavyWork {

    /** Seconds a client is told to wait when every slot and queue place is taken. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /** Use as {@code return HeavyWork.answer(() -> heavyWork.submit(() -> ...));} from a resource method. */
    @Asynchronous
    @Bulkhead(value = 1, waitingTaskQueue = 4)
    public <T> CompletionStage<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }

    /**
     * The answer of work {@link #submit submitted} here, for a JAX-RS method to return: the request thread goes back
     * to the pool while the work waits and runs, so queued heavy requests cannot hold every HTTP thread and starve
     * the light endpoints. Failures surface as they would have without the bulkhead, and a full bulkhead as a 503
     * problem. (Static: a bean calling its own intercepted method would bypass the bulkhead.)
     */
    public static <T> CompletionStage<T> answer(Supplier<CompletionStage<T>> submission) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        CompletionStage<T> submitted;
        try {
            submitted = submission.get();
        } catch (BulkheadException full) {
            answer.completeExceptionally(busy());
            return answer;
        }
        submitted.whenComplete((value, failure) -> {
            if (failure == null) {
                answer.complete(value);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            answer.completeExceptionally(cause instanceof BulkheadException ? busy() : cause);
        });
        return answer;
    }

    /** The answer to a request that found the bulkhead full. */
    public static FinAgentException busy() {
        return new FinAgentException(ErrorType.OVERLOADED, "The server is busy with other heavy requests; retry in "
                + RETRY_AFTER_SECONDS + " seconds");
    }
}
