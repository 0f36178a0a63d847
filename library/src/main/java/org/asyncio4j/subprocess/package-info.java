// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/**
 * Child processes driven by the event loop: asyncio's {@code asyncio.subprocess} module and the
 * loop's {@code subprocess_exec}/{@code subprocess_shell}.
 *
 * <p>Two levels, as in asyncio:
 * <ul>
 *   <li><b>Processes with streams</b> ({@link org.asyncio4j.subprocess.Subprocesses#createSubprocessExec},
 *       {@link org.asyncio4j.subprocess.Subprocess}): stdin is a {@code StreamWriter}, stdout and
 *       stderr are {@code StreamReader}s, {@code await()} and {@code communicate} park the task.</li>
 *   <li><b>Transport and protocol</b> ({@link org.asyncio4j.subprocess.Subprocesses#subprocessExec},
 *       {@link org.asyncio4j.subprocess.SubprocessProtocol},
 *       {@link org.asyncio4j.subprocess.SubprocessTransport}): the loop calls the protocol back.</li>
 * </ul>
 *
 * {@snippet :
 * Asyncio.run(() -> {
 *     Subprocess p = Subprocesses.createSubprocessShell("echo hello; echo oops >&2", SubprocessOptions.pipes());
 *     ProcessOutput out = p.communicate(null);
 *     System.out.print(out.stdoutText() + out.stderrText()); // hello, oops
 * });
 * }
 *
 * <h2>Threads</h2>
 * Java's process pipes are blocking streams that the loop's selector cannot watch, so each pipe
 * is served by a platform thread that hands data to the loop (reading pauses while the reader's
 * buffer is full); the exit is seen through {@link java.lang.Process#onExit()}. The objects here
 * belong to the loop that made them: use them from its tasks.
 *
 * <h2>Signals</h2>
 * To handle signals sent to this JVM, see {@code EventLoop.addSignalHandler}.
 *
 * <h2>asyncio names</h2>
 * <table class="striped">
 *   <caption>asyncio to asyncio4j</caption>
 *   <thead><tr><th>asyncio</th><th>asyncio4j</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code await create_subprocess_exec(prog, *args, stdout=PIPE)}</td><td>{@code Subprocesses.createSubprocessExec(prog, args, options)}</td></tr>
 *     <tr><td>{@code await create_subprocess_shell(cmd, ...)}</td><td>{@code Subprocesses.createSubprocessShell(cmd, options)}</td></tr>
 *     <tr><td>{@code PIPE}, {@code STDOUT}, {@code DEVNULL}, {@code None}</td><td>{@code Stdio.PIPE}, {@code Stdio.STDOUT}, {@code Stdio.DEVNULL}, {@code Stdio.INHERIT}</td></tr>
 *     <tr><td>{@code await proc.wait()}</td><td>{@code proc.await()}</td></tr>
 *     <tr><td>{@code await proc.communicate(input)}</td><td>{@code proc.communicate(input)} → {@code ProcessOutput}</td></tr>
 *     <tr><td>{@code proc.returncode}, {@code proc.pid}</td><td>{@code proc.returncode()}, {@code proc.pid()}</td></tr>
 *     <tr><td>{@code loop.subprocess_exec(factory, *cmd)}</td><td>{@code Subprocesses.subprocessExec(factory, prog, args, options)}</td></tr>
 *   </tbody>
 * </table>
 */
package org.asyncio4j.subprocess;
