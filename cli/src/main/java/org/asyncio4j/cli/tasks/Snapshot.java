// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.tasks;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The tasks of another JVM, read through the JDK's attach mechanism: attach, start the JVM's
 * local management agent (as {@code jcmd PID ManagementAgent.start_local} does), create the
 * library's diagnostic bean there by its class name, and call it. The observed program needs no
 * flag and no code of its own; the agent stays started afterwards, as after {@code jconsole}.
 */
final class Snapshot {
    /** Kept in step with {@code org.asyncio4j.internal.diag.TaskDiagnostics}, which this tool does not link against. */
    private static final String BEAN_CLASS = "org.asyncio4j.internal.diag.TaskDiagnostics";
    private static final String BEAN_NAME = "org.asyncio4j:type=Tasks";
    private static final String OPERATION = "snapshot";

    /** Why the tasks could not be read, in one line for the user. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private Snapshot() {
    }

    /** The tasks of every loop of process {@code pid}. */
    static List<TaskRow> of(long pid) throws Failure {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw new Failure("no process with PID " + pid);
        }
        String[] rows = read(pid, process.get().info().command().orElse("process " + pid));
        List<TaskRow> tasks = new ArrayList<>();
        boolean anyLoop = false;
        for (String row : rows) {
            if (row.startsWith("loop\t")) {
                anyLoop = true;
            } else if (row.startsWith("task\t")) {
                tasks.add(TaskRow.parse(row));
            }
        }
        if (!anyLoop) {
            throw new Failure("process " + pid + " runs asyncio4j but has no event loop (none created yet, or all closed)");
        }
        return tasks;
    }

    private static String[] read(long pid, String command) throws Failure {
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException e) {
            throw new Failure("cannot attach to process " + pid + " (" + command + "): it is not a Java VM, runs as another"
                    + " user, or refuses attach (-XX:+DisableAttachMechanism)" + detail(e));
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(BEAN_NAME);
            if (!server.isRegistered(name)) {
                try {
                    server.createMBean(BEAN_CLASS, name);
                } catch (ReflectionException e) {
                    throw new Failure("process " + pid + " (" + command + ") has no asyncio4j on its class path");
                } catch (javax.management.InstanceAlreadyExistsException raced) {
                    // another ps created it meanwhile
                }
            }
            return (String[]) server.invoke(name, OPERATION, new Object[0], new String[0]);
        } catch (Failure e) {
            throw e;
        } catch (Exception e) {
            throw new Failure("process " + pid + " did not answer through its management agent" + detail(e));
        }
    }

    private static String detail(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage().strip();
    }
}
