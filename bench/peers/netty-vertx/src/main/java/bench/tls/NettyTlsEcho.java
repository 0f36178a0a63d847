// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package bench.tls;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/**
 * The tls benchmark's Netty peer, built as Netty's own SecureChatServer and EchoServer examples
 * are: an {@code SslHandler} from {@code SslContextBuilder.forServer(...)} with the JDK's provider
 * ({@code SslProvider.JDK}, the SSLEngine asyncio4j also uses), then the example's echo handler
 * (write in channelRead, flush once per read batch in channelReadComplete). Native epoll, exactly
 * one event-loop thread for the acceptor and every connection.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench.tls.NettyTlsEcho PORT KEYSTORE.p12}: the key and
 * certificate bench/run generated (password {@code benchtls}); binds 127.0.0.1 (PORT 0 is any free
 * port), prints {@code READY <port>}, runs until SIGTERM.
 */
public final class NettyTlsEcho {
    private NettyTlsEcho() {
    }

    /** Netty's EchoServerHandler. */
    @ChannelHandler.Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
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
        if (args.length != 2) {
            System.err.println("usage: NettyTlsEcho PORT KEYSTORE.p12");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            keys.load(in, "benchtls".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "benchtls".toCharArray());
        SslContext tls = SslContextBuilder.forServer(managers).sslProvider(SslProvider.JDK).build();
        Epoll.ensureAvailability(); // fail loudly rather than run something else
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory()); // ONE thread
        Echo echo = new Echo();
        ServerBootstrap b = new ServerBootstrap()
                .group(loop, loop)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), echo);
                    }
                });
        Channel server = b.bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        server.closeFuture().sync();
    }
}
