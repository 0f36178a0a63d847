// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.internal.net;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.TimerHandle;
import org.asyncio4j.internal.loop.CoreAccess;
import org.asyncio4j.net.BaseProtocol;
import org.asyncio4j.net.BufferedProtocol;
import org.asyncio4j.net.Protocol;
import org.asyncio4j.net.Transport;

/**
 * TLS as a layer between a stream transport and the application's protocol: to the socket
 * transport it is the protocol, to the application it offers a {@link Transport} of plain bytes.
 * An {@link SSLEngine} does the cryptography. asyncio's {@code sslproto.SSLProtocol}.
 */
public final class TlsLayer implements Protocol {

    /* Implementation notes
     * - netIn gathers TLS records from the socket (write mode between events); appIn receives what
     *   unwrap decrypts and is emptied into the protocol at once; netOut holds one wrapped record,
     *   handed to the socket transport, which sends it or copies what the socket refused.
     * - Until the handshake finishes, the application's writes wait in appPending.
     * - Delegated tasks (certificate checks) run inline on the loop: they are short, and running
     *   them elsewhere would let the engine's state change under the loop.
     * - Closing sends close_notify, then waits (at most the shutdown timeout) for the peer's, so
     *   that the socket is not closed with the peer's answer unread; what the application would
     *   receive meanwhile is dropped.
     * - The session's life is one state machine:
     *
     *   from                 event                                         to
     *   HANDSHAKING          handshake finished (app's connectionMade)     OPEN
     *   HANDSHAKING          close(), abort(), a failure, connection lost  ABANDONED
     *   ABANDONED            a handshake step still finishing it           SHUTTING_DOWN
     *   OPEN                 close(), abort(), a failure, peer's close     SHUTTING_DOWN (close_notify sent)
     *   OPEN, SHUTTING_DOWN  connection lost (app's connectionLost)        LOST
     *   OPEN                 the app's connectionMade threw                LOST (no connectionLost)
     *
     *   The application knows the connection in OPEN and SHUTTING_DOWN (it was told
     *   connectionMade, not yet connectionLost); its writes wait in appPending while handshaking;
     *   from ABANDONED, SHUTTING_DOWN and LOST on it is closing: writes and received data are
     *   dropped, close() does nothing more.
     */

    /** Where the session is; see the implementation notes. */
    private enum State { HANDSHAKING, ABANDONED, OPEN, SHUTTING_DOWN, LOST }

    private static final CoreAccess.Loops LOOPS = CoreAccess.loops(MethodHandles.lookup());

    private final EventLoop loop;
    private final SSLEngine engine;
    private final Future<Void> handshakeWaiter;
    private final TlsSetup setup;
    private final boolean callConnectionMade;
    private final AppTransport appTransport = new AppTransport();
    private final ArrayDeque<ByteBuffer> appPending = new ArrayDeque<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();
    private BaseProtocol app;
    private Transport raw;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private TimerHandle handshakeTimer;
    private TimerHandle shutdownTimer;
    private IOException failure;
    private State state = State.HANDSHAKING;

    /**
     * @param handshakeWaiter completed when the handshake succeeds (after the application's
     *     {@code connectionMade}), failed when it does not; may be null (servers)
     * @param callConnectionMade false when upgrading a connection whose protocol already knows it
     */
    public TlsLayer(EventLoop loop, SSLEngine engine, BaseProtocol app, Future<Void> handshakeWaiter,
                    TlsSetup setup, boolean callConnectionMade) {
        this.loop = loop;
        this.engine = engine;
        this.app = SocketTransport.checkStreamProtocol(app);
        this.handshakeWaiter = handshakeWaiter;
        this.setup = setup;
        this.callConnectionMade = callConnectionMade;
        extra.put("sslcontext", setup.context());
        SSLSession session = engine.getSession();
        netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
        netOut = ByteBuffer.allocate(session.getPacketBufferSize());
    }

    /** The transport the application writes plain bytes to. */
    public Transport appTransport() {
        return appTransport;
    }

    // ---------------------------------------------------------------- events from the socket transport

    @Override
    public void connectionMade(Transport transport) {
        raw = transport;
        extra.put("sslobject", engine);
        extra.put("ssl_object", engine);
        double timeout = setup.handshakeTimeoutSeconds();
        handshakeTimer = loop.callLater(timeout, () -> fail(new SSLHandshakeException(
                "TLS handshake took longer than " + timeout + " seconds: aborting the connection")));
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            fail(e);
            return;
        }
        step();
    }

    @Override
    public void dataReceived(byte[] data) {
        if (netIn.remaining() < data.length) {
            netIn = grow(netIn, netIn.position() + data.length);
        }
        netIn.put(data);
        step();
    }

    @Override
    public boolean eofReceived() {
        if (handshaking()) {
            fail(new SSLHandshakeException("the peer closed the connection during the TLS handshake"));
            return false;
        }
        try {
            engine.closeInbound();
        } catch (SSLException truncated) {
            // end of stream without close_notify: the application still hears about the end
        }
        if (appConnected()) {
            appEofReceived();
        }
        return false; // over TLS a half-closed connection cannot go on
    }

    @Override
    public void connectionLost(Exception error) {
        cancelTimer();
        Exception reason = error != null ? error : failure;
        if (handshaking() && handshakeWaiter != null && !handshakeWaiter.isDone()) {
            handshakeWaiter.setException(reason != null ? reason
                    : new SSLHandshakeException("the connection was lost during the TLS handshake"));
        }
        if (appConnected()) {
            state = State.LOST;
            app.connectionLost(reason);
        } else {
            state = State.ABANDONED;
        }
    }

    @Override
    public void pauseWriting() {
        app.pauseWriting();
    }

    @Override
    public void resumeWriting() {
        app.resumeWriting();
    }

    /** The handshake has not finished (and, if abandoned, never will). */
    private boolean handshaking() {
        return state == State.HANDSHAKING || state == State.ABANDONED;
    }

    /** The application was told connectionMade and not yet connectionLost. */
    private boolean appConnected() {
        return state == State.OPEN || state == State.SHUTTING_DOWN;
    }

    private boolean closing() {
        return state != State.HANDSHAKING && state != State.OPEN;
    }

    /** Enters the closing state that follows the current one. */
    private void startClosing() {
        if (state == State.HANDSHAKING) {
            state = State.ABANDONED;
        } else if (state == State.OPEN) {
            state = State.SHUTTING_DOWN;
        }
    }

    // ---------------------------------------------------------------- the engine

    /** Advances the handshake, then decrypts what arrived and sends what waits. */
    private void step() {
        assert LOOPS.io(loop).inLoopOrIdle() : "loop-only, called from " + Thread.currentThread();
        try {
            if (handshaking() && !handshake()) {
                return;
            }
            unwrapAll();
            while (!appPending.isEmpty() && !closing()) {
                wrapAndSend(appPending.pollFirst());
            }
        } catch (SSLException e) {
            fail(e);
        }
    }

    /** Runs the handshake as far as the data at hand allows; true once it is finished. */
    private boolean handshake() throws SSLException {
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> wrapAndSend(ByteBuffer.allocate(0));
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    SSLEngineResult result = unwrap();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        return false;
                    }
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLHandshakeException("the peer closed the TLS session during the handshake");
                    }
                }
                default -> {
                    handshakeFinished();
                    return true;
                }
            }
        }
    }

    private void handshakeFinished() {
        cancelTimer();
        SSLSession session = engine.getSession();
        extra.put("ssl_session", session);
        extra.put("cipher", session.getCipherSuite());
        extra.put("protocol", session.getProtocol());
        extra.put("alpn_protocol", engine.getApplicationProtocol());
        // Known keys without a value answer null, not the default nor the socket's: asyncio's None.
        extra.put("compression", null); // JSSE does no TLS compression
        try {
            extra.put("peercert", session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException anonymous) {
            extra.put("peercert", null); // the peer sent no certificate (a client without client authentication)
        }
        state = state == State.ABANDONED ? State.SHUTTING_DOWN : State.OPEN;
        if (callConnectionMade) {
            try {
                app.connectionMade(appTransport);
            } catch (RuntimeException e) {
                state = State.LOST; // not told connectionLost: the socket transport reports this and closes
                throw e;
            }
        }
        if (handshakeWaiter != null && !handshakeWaiter.isDone()) {
            handshakeWaiter.setResult(null);
        }
    }

    private void unwrapAll() throws SSLException {
        while (true) {
            SSLEngineResult result = unwrap();
            deliver();
            switch (result.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return;
                }
                case CLOSED -> {
                    peerClosed();
                    return;
                }
                default -> {
                    if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                        runDelegatedTasks();
                    }
                    if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                        wrapAndSend(ByteBuffer.allocate(0)); // a post-handshake message, such as a key update
                    }
                    if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                        return;
                    }
                }
            }
        }
    }

    /** One unwrap from netIn into appIn, growing appIn if the engine asks for more room. */
    private SSLEngineResult unwrap() throws SSLException {
        while (true) {
            netIn.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                appIn = grow(appIn, appIn.position() + engine.getSession().getApplicationBufferSize());
                continue;
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                    && netIn.position() == netIn.capacity()) {
                netIn = grow(netIn, engine.getSession().getPacketBufferSize() + netIn.capacity());
            }
            return result;
        }
    }

    /** Hands what was decrypted to the application. */
    private void deliver() {
        if (appIn.position() == 0) {
            return;
        }
        if (closing()) {
            appIn.clear(); // the application closed: what arrives while the shutdown completes is dropped
            return;
        }
        appIn.flip();
        if (app instanceof BufferedProtocol buffered) {
            while (appIn.hasRemaining()) {
                ByteBuffer target = buffered.getBuffer(appIn.remaining());
                int n = Math.min(target.remaining(), appIn.remaining());
                target.put(appIn.slice(appIn.position(), n));
                appIn.position(appIn.position() + n);
                buffered.bufferUpdated(n);
            }
            appIn.clear();
        } else {
            byte[] data = new byte[appIn.remaining()];
            appIn.get(data);
            appIn.clear();
            ((Protocol) app).dataReceived(data);
        }
    }

    /** Encrypts all of {@code data} into records and hands each to the socket transport. */
    private void wrapAndSend(ByteBuffer data) throws SSLException {
        do {
            netOut.clear();
            SSLEngineResult result = engine.wrap(data, netOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(netOut.capacity() + engine.getSession().getPacketBufferSize());
                continue;
            }
            netOut.flip();
            if (netOut.hasRemaining()) {
                raw.write(netOut);
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                return;
            }
            if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                runDelegatedTasks();
            }
        } while (data.hasRemaining());
    }

    private void runDelegatedTasks() {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run();
        }
    }

    /**
     * The peer sent close_notify. If we were closing, that completes the shutdown; otherwise the
     * application hears end of stream and we answer with our own close_notify.
     */
    private void peerClosed() {
        if (closing()) {
            cancelTimer();
            raw.close();
            return;
        }
        if (appConnected()) {
            appEofReceived();
        }
        appTransport.close();
    }

    private void appEofReceived() {
        if (app instanceof BufferedProtocol buffered) {
            buffered.eofReceived();
        } else {
            ((Protocol) app).eofReceived(); // keeping the connection open is not possible over TLS
        }
    }

    private void fail(IOException error) {
        cancelTimer();
        if (failure == null) {
            failure = error;
        }
        if (handshaking() && handshakeWaiter != null && !handshakeWaiter.isDone()) {
            handshakeWaiter.setException(error);
        }
        if (raw == null) {
            return;
        }
        if (!closing()) {
            startClosing();
            sendAlert();
        }
        raw.close(); // sends the alert, then closes
    }

    /** After a failure the engine holds an alert for the peer (why it failed); send it if we can. */
    private void sendAlert() {
        engine.closeOutbound();
        try {
            wrapAndSend(ByteBuffer.allocate(0));
        } catch (SSLException | RuntimeException ignored) {
            // the engine has nothing sensible to send: the peer will see the connection close
        }
    }

    private void cancelTimer() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        if (shutdownTimer != null) {
            shutdownTimer.cancel();
            shutdownTimer = null;
        }
    }

    private static ByteBuffer grow(ByteBuffer buffer, int capacity) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(capacity, buffer.capacity()));
        buffer.flip();
        bigger.put(buffer);
        return bigger;
    }

    /** What the application sees: plain bytes in and out, TLS underneath. */
    private final class AppTransport implements Transport, Drainable {
        @Override
        public void write(ByteBuffer data) {
            Objects.requireNonNull(data, "data");
            if (closing() || !data.hasRemaining()) {
                return;
            }
            if (handshaking()) {
                ByteBuffer copy = ByteBuffer.allocate(data.remaining());
                appPending.addLast(copy.put(data).flip());
                return;
            }
            try {
                wrapAndSend(data);
            } catch (SSLException e) {
                fail(e);
            }
        }

        @Override
        public void writelines(Iterable<byte[]> data) {
            for (byte[] chunk : data) {
                write(chunk);
            }
        }

        @Override
        public void writeEof() {
            throw new UnsupportedOperationException("TLS cannot half-close a connection: close it instead");
        }

        @Override
        public boolean canWriteEof() {
            return false;
        }

        @Override
        public void close() {
            if (closing()) {
                return;
            }
            boolean handshakeDone = state == State.OPEN;
            startClosing();
            if (!handshakeDone) {
                raw.close();
                return;
            }
            sendAlert(); // close_notify
            if (engine.isInboundDone()) {
                raw.close();
                return;
            }
            // Wait for the peer's close_notify, so that the socket is not closed with its answer
            // unread (which would reset the connection), but not for ever.
            raw.resumeReading();
            shutdownTimer = loop.callLater(setup.shutdownTimeoutSeconds(), () -> {
                shutdownTimer = null;
                raw.close();
            });
        }

        @Override
        public void abort() {
            startClosing();
            cancelTimer();
            raw.abort();
        }

        @Override
        public boolean isClosing() {
            return closing() || raw.isClosing();
        }

        @Override
        public Object getExtraInfo(String name) {
            return getExtraInfo(name, null);
        }

        @Override
        public Object getExtraInfo(String name, Object defaultValue) {
            Objects.requireNonNull(name, "name");
            return extra.containsKey(name) ? extra.get(name) : raw.getExtraInfo(name, defaultValue);
        }

        @Override
        public void pauseReading() {
            raw.pauseReading();
        }

        @Override
        public void resumeReading() {
            raw.resumeReading();
        }

        @Override
        public boolean isReading() {
            return !closing() && raw.isReading();
        }

        @Override
        public void setWriteBufferLimits(int high, int low) {
            raw.setWriteBufferLimits(high, low);
        }

        @Override
        public int getWriteBufferSize() {
            long pending = raw.getWriteBufferSize();
            for (ByteBuffer buffer : appPending) {
                pending += buffer.remaining();
            }
            return (int) Math.min(Integer.MAX_VALUE, pending);
        }

        @Override
        public int[] getWriteBufferLimits() {
            return raw.getWriteBufferLimits();
        }

        @Override
        public Future<Void> whenWritten() {
            if (handshaking()) {
                throw new IllegalStateException("the TLS handshake is still in progress");
            }
            return ((Drainable) raw).whenWritten();
        }

        @Override
        public BaseProtocol getProtocol() {
            return app;
        }

        @Override
        public void setProtocol(BaseProtocol protocol) {
            app = SocketTransport.checkStreamProtocol(protocol);
        }

        @Override
        public String toString() {
            return "<TLS transport over " + raw + (handshaking() ? " handshaking" : " " + extra.get("protocol")) + ">";
        }
    }

    @Override
    public String toString() {
        return "<TlsLayer " + (engine.getUseClientMode() ? "client" : "server") + " over " + raw + ">";
    }
}
