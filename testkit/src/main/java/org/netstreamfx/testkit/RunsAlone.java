package org.netstreamfx.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A test class that must run with nothing else running beside it: it measures time, latency, A/V
 * sync, CPU use or sound at a sink's monitor, so another test's work on the same 2 cores (or its
 * sound in the same sink) would change what it measures.
 *
 * <p>Why both parts: the suite runs test classes two at a time (README, "Tests"). Inside one JVM
 * (the end-to-end module, JUnit's parallel mode) {@link Isolated} keeps every other class out while
 * this one runs. Where a module runs its classes in two forked JVMs instead (player, app), the
 * {@value #TAG} tag keeps the class out of the forked run: the build runs the tagged classes
 * afterwards in one JVM of their own, one at a time.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Isolated
@Tag(RunsAlone.TAG)
public @interface RunsAlone {
    /** The JUnit tag the build's surefire executions select on ({@code groups}, {@code excludedGroups}). */
    String TAG = "alone";
}
