// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.asyncio4j.cli.Text;

/**
 * The read-eval-print loop of {@code asyncio4j repl}: reads snippets (several lines when
 * incomplete), hands them to JShell, whose engine runs them as tasks of the loop, and prints
 * values, errors and exceptions the way {@code jshell} does, except that values and exception
 * messages go through {@link Text#safe}: they may hold what a peer sent, and a terminal must not
 * take that for commands.
 *
 * {@snippet :
 * try (Shell shell = new Shell(System.out)) {
 *     shell.run(new BufferedReader(new InputStreamReader(System.in)));
 * }
 * }
 *
 * <h2>Ctrl+C</h2>
 * While a snippet runs, SIGINT cancels its task (the shell stays); at the prompt it drops the
 * lines typed so far. The handler is installed for the shell's lifetime and the previous one put
 * back on close.
 */
final class Shell implements AutoCloseable {
    private static final String PROMPT = "asyncio4j> ";
    private static final String MORE = "       ...> ";
    private static final List<String> IMPORTS = List.of(
            "import org.asyncio4j.*;", "import org.asyncio4j.sync.*;", "import org.asyncio4j.queues.*;",
            "import org.asyncio4j.net.*;", "import java.time.Duration;");
    /** Most characters of one value or exception message shown; the rest is counted, not printed. */
    private static final int VALUE_LIMIT = 2000;

    private final PrintStream out;
    private final JShell jshell;
    private final LoopExecutionControl.Provider provider;
    private final CtrlC ctrlC;
    private volatile boolean dropInput;

    /** Starts the event loop snippets run on and a JShell whose snippets run there. */
    Shell(PrintStream out) {
        this.out = out;
        this.provider = new LoopExecutionControl.Provider();
        this.jshell = JShell.builder().executionEngine(provider, Map.of()).out(out).err(out).build();
        // The snippets compile against what this JVM runs: the library (and the rest of this jar).
        jshell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : IMPORTS) {
            jshell.eval(line);
        }
        this.ctrlC = CtrlC.install(this::onInterrupt);
    }

    /** Reads and runs snippets until {@code /exit} or the end of input. */
    void run(BufferedReader in) throws IOException {
        out.println("asyncio4j REPL on Java " + Runtime.version().feature()
                + ": every snippet runs as a task on a running event loop, so await works at the top level.");
        out.println("Try: Asyncio.sleep(1)   var t = Asyncio.createTask(() -> { Asyncio.sleep(1); return 42; })   t.await()");
        out.println("/help for help, /exit or Ctrl+D to leave; Ctrl+C cancels a running snippet.");
        StringBuilder pending = new StringBuilder();
        while (true) {
            out.print(pending.isEmpty() ? PROMPT : MORE);
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return;
            }
            if (dropInput) {
                dropInput = false;
                pending.setLength(0);
            }
            if (pending.isEmpty() && line.strip().startsWith("/")) {
                if (!command(line.strip())) {
                    return;
                }
                continue;
            }
            pending.append(line).append('\n');
            pending = new StringBuilder(evalComplete(pending.toString()));
        }
    }

    /** Evaluates the complete snippets at the start of {@code input}; returns what is left (an incomplete snippet). */
    private String evalComplete(String input) {
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        String rest = input;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
                return rest;
            }
            if (info.completeness() == Completeness.EMPTY) {
                return "";
            }
            String source = info.completeness().isComplete() ? info.source() : rest;
            for (SnippetEvent event : jshell.eval(source)) {
                show(event);
            }
            rest = info.completeness().isComplete() ? info.remaining() : "";
        }
        return "";
    }

    /** Runs a slash command; false means leave. */
    private boolean command(String command) {
        switch (command) {
            case "/exit", "/quit" -> {
                return false;
            }
            case "/vars" -> jshell.variables().forEach(v ->
                    out.println("|    " + v.typeName() + " " + v.name() + " = " + Text.safe(jshell.varValue(v), VALUE_LIMIT)));
            case "/imports" -> jshell.imports().forEach(i -> out.println("|    " + i.source().strip()));
            case "/help" -> {
                out.println("|  Type Java statements, expressions and declarations; each snippet runs as a task of the loop.");
                out.println("|  Asyncio.sleep(s), future.await(), Asyncio.gather(...).await() and Asyncio.createTask(...)");
                out.println("|  work directly. Tasks you create keep running between snippets.");
                out.println("|  Imported: " + String.join(" ", IMPORTS));
                out.println("|  /vars   the variables      /imports   the imports      /exit   leave (or Ctrl+D)");
                out.println("|  Ctrl+C  cancels the running snippet's task; if code that never suspends holds the loop,");
                out.println("|          the shell leaves that loop behind and starts a fresh one");
            }
            default -> out.println("|  unknown command " + Text.safe(command) + "; /help lists the commands");
        }
        return true;
    }

    private void show(SnippetEvent event) {
        if (event.causeSnippet() != null) {
            return; // a snippet updated because another changed: jshell keeps quiet about those too
        }
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            jshell.diagnostics(snippet).forEach(diag -> showDiag(snippet, diag));
            return;
        }
        if (event.exception() != null) {
            showException(event.exception());
            return;
        }
        if (snippet instanceof VarSnippet var && event.value() != null) {
            out.println(var.name() + " ==> " + Text.safe(event.value(), VALUE_LIMIT));
        } else if (snippet.kind() == Snippet.Kind.EXPRESSION && event.value() != null) {
            out.println(((ExpressionSnippet) snippet).name() + " ==> " + Text.safe(event.value(), VALUE_LIMIT));
        } else if (event.previousStatus() == Snippet.Status.NONEXISTENT
                && (snippet.kind() == Snippet.Kind.METHOD || snippet.kind() == Snippet.Kind.TYPE_DECL)) {
            out.println("|  created " + (snippet.kind() == Snippet.Kind.METHOD ? "method " : "type ")
                    + ((DeclarationSnippet) snippet).name());
        }
    }

    private void showDiag(Snippet snippet, Diag diag) {
        String message = diag.getMessage(Locale.ROOT)
                .lines().filter(line -> !line.strip().equals("location: class")) // JShell's hidden wrapper class
                .collect(Collectors.joining(System.lineSeparator() + "|  "));
        out.println("|  " + (diag.isError() ? "Error: " : "Warning: ") + message);
        String source = snippet.source();
        int start = (int) Math.max(0, diag.getStartPosition());
        int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        int lineEnd = source.indexOf('\n', start);
        out.println("|  " + source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd));
        out.println("|  " + " ".repeat(start - lineStart) + "^");
    }

    private void showException(JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            out.println("|  attempted to use " + unresolved.getSnippet().source().strip()
                    + ", which cannot be used until what it refers to is declared");
            return;
        }
        EvalException eval = (EvalException) exception;
        String message = eval.getMessage();
        if (eval.getExceptionClassName().equals(LoopExecutionControl.LoopAbandoned.class.getName())) {
            message.lines().forEach(line -> out.println("|  " + line));
            return;
        }
        out.println("|  Exception " + eval.getExceptionClassName() + (message == null ? "" : ": " + Text.safe(message, VALUE_LIMIT)));
        for (StackTraceElement frame : eval.getStackTrace()) {
            if (frame.getClassName().startsWith("jdk.internal.reflect") || frame.getClassName().startsWith("java.lang.reflect")
                    || frame.getClassName().startsWith(LoopExecutionControl.class.getPackageName())) {
                break; // below here is the machinery that ran the snippet
            }
            // a frame of a snippet has no class name, only the snippet's number as its file
            out.println("|        at " + (frame.getClassName().isEmpty()
                    ? "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")" : frame));
        }
    }

    private void onInterrupt() {
        if (provider.cancelRunning()) {
            out.println(); // past the terminal's "^C", before the snippet's CancelledError
        } else {
            dropInput = true;
            out.print(System.lineSeparator() + "(Ctrl+C cancels a running snippet; /exit or Ctrl+D leaves)" + System.lineSeparator() + PROMPT);
            out.flush();
        }
    }

    /** Ends the shell and stops its loop; a loop held by code that never suspends is left to the JVM's exit. */
    @Override
    public void close() throws InterruptedException {
        ctrlC.close();
        jshell.close();
        provider.close();
    }
}
