// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A JUnit 5 test method that runs as the main task of a fresh event loop, on virtual time unless
 * {@link #virtualTime()} says otherwise; see {@link AsyncioExtension} for what makes it fail.
 *
 * {@snippet :
 * @AsyncioTest
 * void retriesForAnHourInNoTime(TestLoop test) {
 *     Asyncio.sleep(3600);
 *     assertEquals(3600.0, test.time());
 * }
 * }
 *
 * <p>The method may declare parameters of type {@link TestLoop} (virtual time only) and
 * {@link org.asyncio4j.EventLoop}. {@code @BeforeEach} and {@code @AfterEach} methods run
 * outside the loop, on JUnit's thread, before and after it runs.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(AsyncioExtension.class)
public @interface AsyncioTest {
    /**
     * Whether the loop runs on a virtual clock ({@link TestLoop}); false runs it on real time.
     *
     * @return true (the default) for virtual time, false for real time
     */
    boolean virtualTime() default true;

    /**
     * The test fails if it has not finished after this many seconds of the loop's time: virtual
     * seconds on virtual time, which a test stuck with nothing else to wait for reaches at once.
     * One day by default, so that a test can simulate hours of retries; set it near what the
     * test should take to have a stuck test fail with where it was stuck.
     *
     * @return the limit in seconds of the loop's time
     */
    double timeout() default 86_400;

    /**
     * The test fails if it has not finished after this many seconds of real time, whatever the
     * loop's clock: for a test stuck where virtual time cannot move (waiting for another thread,
     * or with auto-advance off).
     *
     * @return the limit in seconds of real time
     */

    double realTimeout() default 60;
}
