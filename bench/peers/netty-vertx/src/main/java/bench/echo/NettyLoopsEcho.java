// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.net.InetSocketAddress;

/**
 * The {@code group_echo} benchmark's Netty peer: the echo case's Netty epoll server (each read
 * written back, one flush per read batch) on LOOPS event-loop threads of one group, the acceptor
 * on one of them and the connections spread over all of them in turn, as Netty uses N cores.
 * With LOOPS 1 it is the shared bench's one-loop Netty echo server.
 *
 * <p>Usage: {@code java -cp CLASSPATH bench.echo.NettyLoopsEcho LOOPS [PORT]}: binds 127.0.0.1
 * (PORT 0, the default, is any free port), prints {@code READY <port>}, runs until SIGTERM.
 */
public final class NettyLoopsEcho {
    private NettyLoopsEcho() {
    }

    /** Writes every inbound buffer straight back; flushes once per read batch. */
    @Sharable
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
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
        int loops = Integer.parseInt(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Epoll.ensureAvailability(); // fail loudly rather than run something else
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, EpollIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(group, group)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Echo());
        Channel server = b.bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        System.out.println("READY " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        server.closeFuture().sync();
    }
}
