// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

/*
 * tls_load.c - closed-loop TLS load generator for bench/run's tls case (OpenSSL, epoll, one
 * thread, loopback only).
 *
 * Build:  gcc -O2 -Wall -Wextra -o tls_load tls_load.c -lssl -lcrypto   (bench/run does it)
 * Usage:  tls_load --port P --conns C --seconds T [--warmup W] [--server-pid PID] (--size S | --handshakes)
 *
 * Every connection offers TLS 1.3 only, the one cipher suite TLS_AES_128_GCM_SHA256 and the one
 * key-exchange group X25519, so every server negotiates the same; it does not check the server's
 * certificate chain (the servers' self-signed one; the handshake's signature is still verified)
 * and never resumes a session.
 *   --size S      echo: each of C connections, after its handshake, writes an S-byte message and
 *                 waits until the whole echo is back (and matches byte for byte) before the next;
 *                 a request is one such round trip.
 *   --handshakes  each of C connections in turn connects, completes a full handshake, sends one
 *                 byte and waits for its echo (so the server has finished its side), sends
 *                 close_notify and closes with a reset (no TIME_WAIT port exhaustion), then starts
 *                 again; a request is one such connection.
 * Requests completing in [W, W+T) s after the start are counted; in echo mode the start is when
 * every connection has finished its handshake (at most 60 s), so that the window holds echoes
 * only. Latency runs from the start of the request (its write, or its connect) to its last byte
 * back. --server-pid: the server's CPU time (user + system, /proc/PID/stat) over the window is
 * reported as server_cpu_ns_per_req.
 * Output: ONE JSON line
 *   {"requests":..,"seconds":..,"rps":..,"p50_us":..,"p99_us":..,"errors":..,
 *    "client_cpu_pct":..,"server_cpu_ns_per_req":..,"tls":"TLSv1.3 TLS_AES_128_GCM_SHA256 X25519"}
 * client_cpu_pct is this process's CPU time over the measured window (100 = one CPU busy: the
 * load generator would then be the bottleneck). Exit status 0, or 1 if errors > 0, 2 bad usage.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PAT_PERIOD 251
#define MAX_LAT_US 1000000
#define MAX_ERRORS 1000

enum state { CONNECTING, HANDSHAKE, WRITING, READING };

typedef struct {
    int fd;
    SSL *ssl;
    enum state st;
    uint64_t seq, start_ns;
    size_t off;        /* bytes written (WRITING) or read back (READING) of the current message */
    uint32_t events;   /* the epoll interest set now */
} conn_t;

static struct sockaddr_in g_addr;
static size_t g_size = 64;
static int g_handshakes;
static SSL_CTX *g_ctx;
static int g_ep;
static unsigned char *g_pattern, *g_rbuf;
static uint64_t g_measure_ns, g_end_ns, g_requests, g_errors;
static uint64_t *g_hist;
static char g_tls[128] = "";
static int g_established, g_server_pid;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t cpu_ns(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ((uint64_t)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000ull
           + ((uint64_t)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000ull;
}

/* The server's user + system CPU time in ns (fields 14 and 15 of /proc/PID/stat), or 0. */
static uint64_t server_cpu_ns(void) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", g_server_pid);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *p = strrchr(buf, ')');
    unsigned long long utime = 0, stime = 0;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2) return 0;
    return (utime + stime) * (1000000000ull / (uint64_t)sysconf(_SC_CLK_TCK));
}

static const unsigned char *message(const conn_t *c) {
    return g_pattern + (7 * c->seq + 13 * (uint64_t)c->fd) % PAT_PERIOD;
}

static void interest(conn_t *c, uint32_t events) {
    if (events == c->events) return;
    struct epoll_event ev = {.events = events, .data.ptr = c};
    epoll_ctl(g_ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->events = events;
}

static int open_conn(conn_t *c) {
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (c->fd < 0) return -1;
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c->ssl = SSL_new(g_ctx);
    SSL_set_fd(c->ssl, c->fd);
    SSL_set_connect_state(c->ssl);
    c->seq = 0;
    c->off = 0;
    c->start_ns = now_ns();
    c->st = CONNECTING;
    c->events = EPOLLOUT;
    struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = c};
    epoll_ctl(g_ep, EPOLL_CTL_ADD, c->fd, &ev);
    if (connect(c->fd, (struct sockaddr *)&g_addr, sizeof g_addr) < 0 && errno != EINPROGRESS) return -1;
    return 0;
}

/* Closes with a reset: SO_LINGER 0, as the echo load generator closes. */
static void close_conn(conn_t *c, int clean) {
    if (clean) SSL_shutdown(c->ssl); /* sends close_notify; the reply is not awaited */
    SSL_free(c->ssl);
    c->ssl = NULL;
    struct linger lg = {1, 0};
    setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    epoll_ctl(g_ep, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    c->fd = -1;
}

static void count(conn_t *c) {
    uint64_t t = now_ns();
    if (t >= g_measure_ns && t < g_end_ns) {
        uint64_t us = (t - c->start_ns) / 1000;
        g_hist[us < MAX_LAT_US ? us : MAX_LAT_US - 1]++;
        g_requests++;
    }
}

/* A failed connection: counted, and (in handshake mode, where connections come and go) replaced. */
static void fail(conn_t *c) {
    g_errors++;
    ERR_clear_error();
    close_conn(c, 0);
    if (g_handshakes && g_errors < MAX_ERRORS && open_conn(c) < 0) g_errors++;
}

/* Waits for what OpenSSL asked for; 0 to stop driving, -1 on a real error. */
static int want(conn_t *c, int r) {
    switch (SSL_get_error(c->ssl, r)) {
    case SSL_ERROR_WANT_READ: interest(c, EPOLLIN); return 0;
    case SSL_ERROR_WANT_WRITE: interest(c, EPOLLIN | EPOLLOUT); return 0;
    default: return -1;
    }
}

static void drive(conn_t *c) {
    size_t len = g_handshakes ? 1 : g_size;
    for (;;) {
        int r;
        switch (c->st) {
        case CONNECTING: {
            int err = 0;
            socklen_t l = sizeof err;
            getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &l);
            if (err) { fail(c); return; }
            c->st = HANDSHAKE;
            break;
        }
        case HANDSHAKE:
            r = SSL_do_handshake(c->ssl);
            if (r != 1) { if (want(c, r) < 0) fail(c); return; }
            if (!g_tls[0]) {
                int nid = SSL_get_negotiated_group(c->ssl);
                snprintf(g_tls, sizeof g_tls, "%s %s %s", SSL_get_version(c->ssl),
                         SSL_CIPHER_get_name(SSL_get_current_cipher(c->ssl)), OBJ_nid2sn(nid & ~TLSEXT_nid_unknown));
            }
            c->st = WRITING;
            c->off = 0;
            if (!g_handshakes) c->start_ns = now_ns();
            g_established++;
            break;
        case WRITING:
            r = SSL_write(c->ssl, message(c) + c->off, (int)(len - c->off));
            if (r <= 0) { if (want(c, r) < 0) fail(c); return; }
            c->off += (size_t)r;
            if (c->off == len) { c->st = READING; c->off = 0; }
            break;
        case READING:
            r = SSL_read(c->ssl, g_rbuf, (int)(len - c->off));
            if (r <= 0) { if (want(c, r) < 0) fail(c); return; }
            if (memcmp(g_rbuf, message(c) + c->off, (size_t)r) != 0) { fail(c); return; }
            c->off += (size_t)r;
            if (c->off < len) break;
            count(c);
            if (g_handshakes) {
                close_conn(c, 1);
                if (open_conn(c) < 0) { g_errors++; return; }
                return; /* the new connection's connect completes through epoll */
            }
            c->seq++;
            c->off = 0;
            c->st = WRITING;
            c->start_ns = now_ns();
            break;
        }
    }
}

static double percentile(double p) {
    uint64_t total = 0, seen = 0;
    for (int i = 0; i < MAX_LAT_US; i++) total += g_hist[i];
    if (!total) return 0;
    uint64_t rank = (uint64_t)(p * (double)total + 0.999999);
    for (int i = 0; i < MAX_LAT_US; i++) {
        seen += g_hist[i];
        if (seen >= rank) return i;
    }
    return MAX_LAT_US;
}

static void usage(void) {
    fprintf(stderr, "usage: tls_load --port P --conns C --seconds T [--warmup W] (--size S | --handshakes)\n");
    exit(2);
}

int main(int argc, char **argv) {
    int port = 0, conns = 0;
    double seconds = 0, warmup = 0;
    static const struct option opts[] = {
        {"port", 1, 0, 'p'}, {"conns", 1, 0, 'c'}, {"seconds", 1, 0, 't'}, {"warmup", 1, 0, 'w'},
        {"size", 1, 0, 's'}, {"handshakes", 0, 0, 'H'}, {"server-pid", 1, 0, 'P'},
        {0, 0, 0, 0}};
    for (int o; (o = getopt_long(argc, argv, "", opts, NULL)) != -1;) {
        switch (o) {
        case 'p': port = atoi(optarg); break;
        case 'c': conns = atoi(optarg); break;
        case 't': seconds = atof(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 's': g_size = (size_t)atol(optarg); break;
        case 'H': g_handshakes = 1; break;
        case 'P': g_server_pid = atoi(optarg); break;
        default: usage();
        }
    }
    if (port <= 0 || port > 65535 || conns <= 0 || conns > 10000 || seconds <= 0 || seconds > 60
        || warmup < 0 || warmup > 10 || g_size == 0 || g_size > (1 << 20)) usage();

    g_addr.sin_family = AF_INET;
    g_addr.sin_port = htons((uint16_t)port);
    g_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    g_ctx = SSL_CTX_new(TLS_client_method());
    if (!g_ctx || !SSL_CTX_set_min_proto_version(g_ctx, TLS1_3_VERSION)
        || !SSL_CTX_set_max_proto_version(g_ctx, TLS1_3_VERSION)
        || !SSL_CTX_set_ciphersuites(g_ctx, "TLS_AES_128_GCM_SHA256")
        || !SSL_CTX_set1_groups_list(g_ctx, "X25519")) {
        ERR_print_errors_fp(stderr);
        return 2;
    }
    SSL_CTX_set_verify(g_ctx, SSL_VERIFY_NONE, NULL);
    SSL_CTX_set_session_cache_mode(g_ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_mode(g_ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);

    g_pattern = malloc(g_size + PAT_PERIOD);
    g_rbuf = malloc(g_size);
    g_hist = calloc(MAX_LAT_US, sizeof *g_hist);
    conn_t *cs = calloc((size_t)conns, sizeof *cs);
    if (!g_pattern || !g_rbuf || !g_hist || !cs) return 2;
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < g_size + PAT_PERIOD; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        g_pattern[i] = (unsigned char)x;
    }
    struct rlimit rl = {(rlim_t)conns + 64, (rlim_t)conns + 64};
    setrlimit(RLIMIT_NOFILE, &rl);

    g_ep = epoll_create1(0);
    uint64_t start = now_ns(), setup_deadline = start + 60000000000ull;
    g_measure_ns = g_end_ns = UINT64_MAX; /* echo: set once every connection is established */
    if (g_handshakes) {
        g_measure_ns = start + (uint64_t)(warmup * 1e9);
        g_end_ns = g_measure_ns + (uint64_t)(seconds * 1e9);
    }
    for (int i = 0; i < conns; i++) {
        if (open_conn(&cs[i]) < 0) { g_errors++; cs[i].fd = -1; }
    }
    uint64_t cpu0 = 0, server0 = 0;
    int measuring = 0;
    struct epoll_event evs[256];
    for (;;) {
        uint64_t t = now_ns();
        if (g_measure_ns == UINT64_MAX) {
            if (g_established + (int)g_errors >= conns) {
                g_measure_ns = t + (uint64_t)(warmup * 1e9);
                g_end_ns = g_measure_ns + (uint64_t)(seconds * 1e9);
            } else if (t >= setup_deadline) {
                fprintf(stderr, "tls_load: only %d of %d connections finished their handshake in 60 s\n", g_established, conns);
                g_errors++;
                break;
            }
        }
        if (!measuring && t >= g_measure_ns) { cpu0 = cpu_ns(); server0 = server_cpu_ns(); measuring = 1; }
        if (t >= g_end_ns || g_errors >= MAX_ERRORS) break;
        int n = epoll_wait(g_ep, evs, 256, 50);
        for (int i = 0; i < n; i++) {
            conn_t *c = evs[i].data.ptr;
            if (c->fd >= 0) drive(c);
        }
    }
    uint64_t cpu1 = cpu_ns(), server1 = server_cpu_ns();
    double measured = measuring ? (double)(now_ns() - g_measure_ns) / 1e9 : 0;
    if (measured > seconds) measured = seconds;
    char server[48] = "null";
    if (measuring && g_server_pid > 0 && server1 > 0 && g_requests > 0)
        snprintf(server, sizeof server, "%.1f", (double)(server1 - server0) / (double)g_requests);
    printf("{\"requests\":%llu,\"seconds\":%.3f,\"rps\":%.1f,\"p50_us\":%.0f,\"p99_us\":%.0f,\"errors\":%llu,"
           "\"client_cpu_pct\":%.1f,\"server_cpu_ns_per_req\":%s,\"tls\":\"%s\"}\n",
           (unsigned long long)g_requests, seconds, (double)g_requests / seconds, percentile(0.50), percentile(0.99),
           (unsigned long long)g_errors, measured > 0 ? 100.0 * (double)(cpu1 - cpu0) / 1e9 / measured : 0.0, server, g_tls);
    return g_errors ? 1 : 0;
}
