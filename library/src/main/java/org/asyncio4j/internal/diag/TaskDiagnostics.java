// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.diag;

import java.util.Objects;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;

/**
 * The management bean behind {@code asyncio4j ps} and {@code pstree}: one operation,
 * {@value #OPERATION}, listing every loop and task of this JVM.
 *
 * <p>Nothing registers it in the observed program: registering the platform MBean server costs
 * about half a second of CPU, which no program should pay for a tool it may never use. The tool
 * attaches, starts the JVM's local management agent, and creates this bean by its class name
 * ({@code MBeanServer.createMBean}), so the cost is paid only when someone looks.
 *
 * <p>Rows are tab-separated text, so that the tool needs none of this library's classes:
 * {@code loop <tid> <description>} for each live loop, then for each of its unfinished tasks
 * {@code task <tid> <task id> <name> <awaiter ids, comma-separated> <method> <file:line> ...},
 * frames innermost first.
 */
public final class TaskDiagnostics implements DynamicMBean {
    /** The name the tool registers the bean under. */
    public static final String OBJECT_NAME = "org.asyncio4j:type=Tasks";
    public static final String OPERATION = "snapshot";

    private static volatile Supplier<String[]> rows;

    /** Called once, by the event loop class, with what lists the loops and their tasks. */
    public static void install(Supplier<String[]> source) {
        rows = Objects.requireNonNull(source);
    }

    /** Made by the management server, on the tool's request. */
    public TaskDiagnostics() {
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        if (!OPERATION.equals(actionName)) {
            throw new ReflectionException(new NoSuchMethodException(actionName), "the only operation is " + OPERATION);
        }
        Supplier<String[]> source = rows;
        return source == null ? new String[0] : source.get(); // no loop was ever created in this JVM
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanOperationInfo snapshot = new MBeanOperationInfo(OPERATION, "every event loop and unfinished task, one row each",
                new MBeanParameterInfo[0], String[].class.getName(), MBeanOperationInfo.INFO);
        return new MBeanInfo(getClass().getName(), "asyncio4j event loops and tasks", null, null,
                new MBeanOperationInfo[] {snapshot}, null);
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("no attributes; invoke " + OPERATION);
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException("no attributes; invoke " + OPERATION);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        return new AttributeList();
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }
}
