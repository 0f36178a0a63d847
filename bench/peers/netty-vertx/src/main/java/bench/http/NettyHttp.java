// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package bench.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The http benchmark's Netty peer, as Netty's own HttpHelloWorldServer example and the TechEmpower
 * Netty entry are built: HttpServerCodec, then a handler that answers every request with the
 * plaintext response (a shared read-only body, the date refreshed once a second on the loop),
 * writing in channelRead and flushing once per read batch (channelReadComplete), so 16 pipelined
 * requests get one flush. Native epoll, one event-loop thread for the acceptor and every
 * connection by default; with LOOPS, that many threads in one group, the acceptor on one of them
 * and the connections spread over all of them in turn (Netty's own way of using N cores).
 *
 * <p>Usage: {@code java -cp CLASSPATH bench.http.NettyHttp [PORT [LOOPS]]}: binds 127.0.0.1 (PORT 0,
 * the default, is any free port), prints {@code READY <port>}, runs until SIGTERM.
 */
public final class NettyHttp {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final ByteBuf BODY = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer().writeBytes("Hello, World!".getBytes(StandardCharsets.US_ASCII))).asReadOnly();
    private static final AsciiString SERVER = AsciiString.cached("Netty");
    private static final AsciiString LENGTH = AsciiString.cached(String.valueOf(BODY.readableBytes()));
    private static volatile AsciiString date = now();

    private NettyHttp() {
    }

    private static AsciiString now() {
        return new AsciiString(DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    /** Answers every request; not sharable only because Netty's examples keep one per channel. */
    static final class Hello extends SimpleChannelInboundHandler<HttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    BODY.duplicate(), false);
            response.headers()
                    .set(HttpHeaderNames.SERVER, SERVER)
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .set(HttpHeaderNames.CONTENT_LENGTH, LENGTH)
                    .set(HttpHeaderNames.DATE, date);
            if (HttpUtil.isKeepAlive(request)) {
                ctx.write(response, ctx.voidPromise());
            } else {
                ctx.write(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int loops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Epoll.ensureAvailability(); // fail loudly rather than run something else
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(loops, EpollIoHandler.newFactory()); // ONE thread unless LOOPS
        loop.next().scheduleAtFixedRate(() -> date = now(), 1, 1, TimeUnit.SECONDS);
        ServerBootstrap b = new ServerBootstrap()
                .group(loop, loop)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new Hello());
                    }
                });
        Channel server = b.bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        server.closeFuture().sync();
    }
}
