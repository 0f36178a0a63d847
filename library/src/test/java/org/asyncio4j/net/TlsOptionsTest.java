// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class TlsOptionsTest {

    @Test
    void clientAndServerOptionsHoldTheSameTlsSettings() throws Exception {
        SSLContext context = TestCertificates.client();
        TlsOptions tls = TlsOptions.defaults().context(context).handshakeTimeout(Duration.ofSeconds(5)).alpnProtocols("h2");
        ConnectOptions client = ConnectOptions.defaults().tls(tls);
        ServerOptions server = ServerOptions.defaults().tls(tls);
        assertThat(client.tls()).isEqualTo(server.tls()).isEqualTo(tls);
        assertThat(client.ssl()).isSameAs(context);
        assertThat(server.sslHandshakeTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(server.sslShutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.alpnProtocols()).containsExactly("h2");
        assertThat(ConnectOptions.defaults().ssl(context).alpnProtocols("h2").sslHandshakeTimeout(Duration.ofSeconds(5)).tls())
                .isEqualTo(tls);
        assertThat(ConnectOptions.defaults().tls().enabled()).isFalse();
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> TlsOptions.defaults().shutdownTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> ServerOptions.defaults().sslHandshakeTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
