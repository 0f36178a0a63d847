// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.carrier;

import java.lang.System.Logger.Level;
import org.asyncio4j.internal.loop.LoopCore;
import org.asyncio4j.internal.loop.SafeLog;

/**
 * Chooses, once per JVM, how loops carry their tasks, and says so once through
 * {@link System.Logger} (at {@code INFO}, with what the flag adds, when portable mode is chosen
 * because the flag is missing; at {@code DEBUG} otherwise): the carrier mode ({@link ScheduledCarrier}) when {@code java.lang} is
 * opened to asyncio4j, the portable mode ({@link PortableCarrier}) otherwise. The system property
 * {@value #PROPERTY} forces one: {@code portable} (even with the flag) or {@code scheduled}
 * (failing, naming the flag, without it).
 */
public final class Carriers {
    /** The system property that forces a mode. */
    public static final String PROPERTY = "asyncio4j.carrier";

    private static final boolean PORTABLE;
    /** Why no loop can be created in this JVM (a bad property, or carrier mode forced without the flag), or null. */
    private static final IllegalStateException FAILURE;

    static {
        boolean portable = false;
        IllegalStateException failure = null;
        try {
            portable = choosePortable();
        } catch (IllegalStateException e) {
            failure = e;
        }
        PORTABLE = portable;
        FAILURE = failure;
    }

    private Carriers() {
    }

    /**
     * The carrier for a new loop whose engine is {@code core}.
     *
     * @throws IllegalStateException if {@value #PROPERTY} is invalid, or forces the carrier mode without the flag
     */
    public static Carrier forLoop(LoopCore core) {
        if (FAILURE != null) {
            throw new IllegalStateException(FAILURE.getMessage(), FAILURE.getCause());
        }
        return PORTABLE ? new PortableCarrier(core) : new ScheduledCarrier(core);
    }

    /** Whether loops of this JVM run in portable mode. */
    public static boolean isPortable() {
        return PORTABLE;
    }

    private static boolean choosePortable() {
        String forced = System.getProperty(PROPERTY, "");
        switch (forced) {
            case "scheduled" -> {
                LoopCarrier.checkAvailable();
                SafeLog.log(Level.DEBUG, () -> "asyncio4j runs in carrier mode (" + PROPERTY + "=scheduled): each task is a"
                        + " virtual thread scheduled by its event loop", null);
                return false;
            }
            case "portable" -> {
                SafeLog.log(Level.DEBUG, () -> portableText(PROPERTY + "=portable"), null); // chosen: no advice needed
                return true;
            }
            case "" -> {
                if (LoopCarrier.isAvailable()) {
                    SafeLog.log(Level.DEBUG, () -> "asyncio4j runs in carrier mode: each task is a virtual thread scheduled"
                            + " by its event loop", null);
                    return false;
                }
                SafeLog.log(Level.INFO, () -> portableText("no " + LoopCarrier.requiredFlag()), null);
                return true;
            }
            default -> throw new IllegalStateException("System property " + PROPERTY + " must be 'portable' or 'scheduled'"
                    + " (or unset, to choose by the JVM's flags), not '" + forced + "'");
        }
    }

    private static String portableText(String why) {
        return "asyncio4j runs in portable mode (" + why + "): each task is a virtual thread of the JDK's scheduler and"
                + " the loop is handed from one to the next, so a blocking JDK call in a task (Thread.sleep, socket I/O,"
                + " a lock) holds the whole loop until it returns, as in asyncio, and a task switch costs one to two"
                + " microseconds. With " + LoopCarrier.requiredFlag() + " (carrier mode) a blocking JDK call suspends only"
                + " its task and a switch costs about a tenth of a microsecond.";
    }
}
