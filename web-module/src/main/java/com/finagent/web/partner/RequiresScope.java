package com.finagent.web.partner;

import com.finagent.application.partner.Scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a partner client's token needs for a resource (class) or one method (overrides the class).
 * Users' tokens are not affected. {@link ClientAccessFilter} runs on every request rather than only on annotated
 * resources (a JAX-RS name binding), so that a resource without this annotation is closed to clients by default:
 * a newly added endpoint over a user's data cannot be opened to partners by forgetting an annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    Scope value();
}
