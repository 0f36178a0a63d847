// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.cli.crawl;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.net.IncompleteReadError;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;

/**
 * A small local website for {@code crawl --self-test}, with every kind of page a crawler must
 * handle: plain pages, a slow one, one slower than any sensible time limit, a redirect, a
 * redirect loop, a page that fails with 500, one that fails once with 503 then works, a missing
 * one, and one that drops the connection without answering.
 *
 * {@snippet :
 * SelfTestSite site = SelfTestSite.start(0.3);   // from a task
 * List<URI> urls = site.urls();
 * // ... crawl them
 * site.close();
 * }
 *
 * <p>It is an HTTP/1.1 server written on the library's own streams, running on the crawl's loop:
 * each connection is a task, a slow page is an {@code Asyncio.sleep} (a timer, not a blocked
 * thread), and every response closes its connection, which keeps the server this small. It
 * understands just enough HTTP for the crawler; it is not a general web server.
 *
 * <h2>Thread confinement</h2>
 * Start, use and close it from tasks of one loop.
 */
public final class SelfTestSite implements AutoCloseable {
    /** The pages that answer 200 directly; their sizes grow so the byte count means something. */
    private static final int PAGES = 5;

    private final double slowSeconds;
    private final Set<Task<?>> connections = new HashSet<>();
    private Server server;
    private int flakyHits;

    private SelfTestSite(double slowSeconds) {
        this.slowSeconds = slowSeconds;
    }

    /** Starts the site on a free port of 127.0.0.1; {@code /slow} answers after {@code slowSeconds}. */
    public static SelfTestSite start(double slowSeconds) throws IOException {
        SelfTestSite site = new SelfTestSite(slowSeconds);
        site.server = Streams.startServer(site::serve, "127.0.0.1", 0);
        return site;
    }

    /** Every page of the site, in the order a self-test crawls them. */
    public List<URI> urls() {
        String base = "http://127.0.0.1:" + server.port();
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= PAGES; i++) {
            paths.add("/page/" + i);
        }
        paths.addAll(List.of("/redirect", "/slow", "/flaky", "/missing", "/fail", "/too-slow", "/redirect-loop", "/drop"));
        return paths.stream().map(path -> URI.create(base + path)).toList();
    }

    /**
     * What crawling {@code url} of this site should come to: its {@link FetchResult#outcome()}
     * for a crawl with {@code retries} retries and a time limit above the slow page's delay.
     */
    public static String expectedOutcome(URI url, int retries) {
        String path = url.getPath();
        return switch (path) {
            case "/missing" -> "404";
            case "/fail" -> "500";
            case "/flaky" -> retries > 0 ? "200" : "503";
            case "/too-slow" -> "timeout";
            case "/redirect-loop", "/drop" -> "error";
            default -> "200";
        };
    }

    /** Stops listening and ends the connections still open (the too-slow page's, for one). */
    @Override
    public void close() {
        server.close();
        List.copyOf(connections).forEach(Task::cancel);
        server.abortClients();
    }

    private void serve(StreamReader reader, StreamWriter writer) throws Exception {
        Task<?> self = Asyncio.currentTask();
        connections.add(self);
        try (writer) {
            String head;
            try {
                head = new String(reader.readuntil("\r\n\r\n".getBytes(ISO_8859_1)), ISO_8859_1);
            } catch (IncompleteReadError e) {
                return; // the client left before finishing its request
            }
            String[] requestLine = head.lines().findFirst().orElse("").split(" ");
            String path = requestLine.length >= 2 ? requestLine[1] : "";
            answer(path, writer);
        } finally {
            connections.remove(self);
        }
    }

    private void answer(String path, StreamWriter writer) throws Exception {
        if (path.startsWith("/page/")) {
            int n = Integer.parseInt(path.substring("/page/".length()));
            respond(writer, 200, "OK", null, page(path, n * 1000));
            return;
        }
        switch (path) {
            case "/redirect" -> respond(writer, 302, "Found", "/page/1", "");
            case "/redirect-loop" -> respond(writer, 302, "Found", "/redirect-loop", "");
            case "/slow" -> {
                Asyncio.sleep(slowSeconds);
                respond(writer, 200, "OK", null, page(path, 500));
            }
            case "/too-slow" -> {
                Asyncio.sleep(3600); // until the crawler gives up and the site closes
                respond(writer, 200, "OK", null, page(path, 500));
            }
            case "/flaky" -> {
                if (flakyHits++ == 0) {
                    respond(writer, 503, "Service Unavailable", null, "try again\n");
                } else {
                    respond(writer, 200, "OK", null, page(path, 800));
                }
            }
            case "/fail" -> respond(writer, 500, "Internal Server Error", null, "always fails\n");
            case "/drop" -> writer.transport().abort();
            default -> respond(writer, 404, "Not Found", null, "no such page\n");
        }
    }

    private static String page(String path, int size) {
        String head = "<html><body><h1>" + path + "</h1><p>";
        String tail = "</p></body></html>\n";
        return head + "x".repeat(Math.max(0, size - head.length() - tail.length())) + tail;
    }

    private static void respond(StreamWriter writer, int status, String reason, String location, String body) throws IOException {
        byte[] content = body.getBytes(UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: text/html; charset=utf-8\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n")
                .append("Connection: close\r\n");
        if (location != null) {
            head.append("Location: ").append(location).append("\r\n");
        }
        writer.write(head.append("\r\n").toString().getBytes(ISO_8859_1));
        writer.write(content);
        writer.drain();
    }
}
