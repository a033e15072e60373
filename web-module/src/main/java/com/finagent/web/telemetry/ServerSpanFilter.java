package com.finagent.web.telemetry;

import com.finagent.application.telemetry.Traces;
import com.finagent.application.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SERVER span for every API request, the root of what the request does (the EJBs' spans, a message it queues,
 * the model and provider calls), continuing the caller's trace when the request carries W3C Trace Context
 * ({@code traceparent}), as a partner system's may. Payara's MicroProfile Telemetry is meant to make this span,
 * but on Payara 6.2025.10 it does so only for some deployments (it registers its Jersey listener only when the
 * application is initialised within a deployment): where it did make one, that span is current and this filter
 * adds nothing. Named after the matched route, not the path, so that ids do not make every span's name unique.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ServerSpanFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SPAN = ServerSpanFilter.class.getName() + ".span";
    private static final String SCOPE = ServerSpanFilter.class.getName() + ".scope";
    private static final String THREAD = ServerSpanFilter.class.getName() + ".thread";
    /** The application path is the same for every request, so a method's route is too. */
    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

    @Inject
    Tracing tracing;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (Span.current().getSpanContext().isValid()) {
            return;
        }
        String route = route(request);
        Span span = tracing.tracer().spanBuilder(request.getMethod() + " " + route).setSpanKind(SpanKind.SERVER)
                .setParent(Traces.extract(request::getHeaderString))
                .setAttribute("http.request.method", request.getMethod())
                .setAttribute("http.route", route)
                .setAttribute("url.path", "/" + request.getUriInfo().getPath())
                .startSpan();
        request.setProperty(SPAN, span);
        request.setProperty(SCOPE, span.makeCurrent());
        request.setProperty(THREAD, Thread.currentThread());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SPAN) instanceof Span span)) {
            return;
        }
        span.setAttribute("http.response.status_code", response.getStatus());
        if (response.getStatus() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        // A scope belongs to the thread that opened it; an asynchronous resource answers on another.
        if (request.getProperty(THREAD) == Thread.currentThread()
                && request.getProperty(SCOPE) instanceof Scope scope) {
            scope.close();
        }
        span.end();
    }

    /**
     * The matched route, {@code /api/v1/debates/{id}}: the application path, the class's and the method's; worked out
     * once per resource method, as every request asks.
     */
    private String route(ContainerRequestContext request) {
        String base = request.getUriInfo().getBaseUri().getPath();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return base;
        }
        Class<?> type = resource.getResourceClass();
        return ROUTES.computeIfAbsent(method, m -> {
            String route = base + "/" + value(type.getAnnotation(Path.class)) + "/"
                    + value(m.getAnnotation(Path.class));
            return route.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        });
    }

    private static String value(Path path) {
        return path == null ? "" : path.value();
    }
}
