// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package bench.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The http benchmark's Vert.x peer, as the TechEmpower Vert.x entry is built: one verticle whose
 * HTTP server answers every request with the plaintext response (a shared body buffer and
 * pre-built header values, the date refreshed once a second by a timer on the verticle's loop).
 * Exactly one event loop ({@code eventLoopPoolSize(1)}, one verticle instance); native transport
 * (epoll) when Netty's native library is on the classpath.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench.http.VertxHttp [PORT]}: binds 127.0.0.1 (PORT 0, the
 * default, is any free port), prints {@code READY <port>}, runs until SIGTERM.
 */
public final class VertxHttp extends AbstractVerticle {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final Buffer BODY = Buffer.buffer("Hello, World!");
    private static final CharSequence SERVER = HttpHeaders.createOptimized("Vert.x");
    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain");
    private static final CharSequence LENGTH = HttpHeaders.createOptimized(String.valueOf(BODY.length()));
    private final int port;
    private CharSequence date = now();

    private VertxHttp(int port) {
        this.port = port;
    }

    private static CharSequence now() {
        return HttpHeaders.createOptimized(DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.setPeriodic(1000, id -> date = now());
        vertx.createHttpServer(new HttpServerOptions().setAcceptBacklog(1024).setTcpNoDelay(true))
                .requestHandler(request -> {
                    MultiMap headers = request.response().headers();
                    headers.add(HttpHeaders.SERVER, SERVER)
                            .add(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN)
                            .add(HttpHeaders.CONTENT_LENGTH, LENGTH)
                            .add(HttpHeaders.DATE, date);
                    request.response().end(BODY);
                })
                .listen(port, "127.0.0.1")
                .onSuccess(server -> {
                    System.out.println("READY " + server.actualPort());
                    System.out.flush();
                    started.complete();
                })
                .onFailure(started::fail);
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        vertx.deployVerticle(new VertxHttp(port), new DeploymentOptions().setInstances(1))
                .onFailure(cause -> {
                    cause.printStackTrace();
                    System.exit(1);
                });
    }
}
