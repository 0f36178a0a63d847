package org.asyncio4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/** Captures what an example prints. */
final class PrintedLines {
    private PrintedLines() {
    }

    static List<String> of(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        example.accept(new PrintStream(bytes, true, UTF_8));
        return bytes.toString(UTF_8).lines().toList();
    }
}
