// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asyncio4j.bench.cases.BlockingCase;
import org.asyncio4j.bench.cases.CallSoonCase;
import org.asyncio4j.bench.cases.CancelCase;
import org.asyncio4j.bench.cases.FloorCase;
import org.asyncio4j.bench.cases.GatherCase;
import org.asyncio4j.bench.cases.IdleMemoryCase;
import org.asyncio4j.bench.cases.LockCase;
import org.asyncio4j.bench.cases.PingPongCase;
import org.asyncio4j.bench.cases.QueueCase;
import org.asyncio4j.bench.cases.ReadlineCase;
import org.asyncio4j.bench.cases.SpawnCase;
import org.asyncio4j.bench.cases.SubprocessCatCase;
import org.asyncio4j.bench.cases.SwitchCase;
import org.asyncio4j.bench.cases.SwitchDepthCase;
import org.asyncio4j.bench.cases.ThreadsafeCase;
import org.asyncio4j.bench.cases.TimersCase;

/**
 * Every asyncio4j case by name, in the order they run.
 *
 * <p>{@code echo}, {@code http}, {@code idle_conns}, {@code group_echo} and {@code group_http} are not cases of this JVM: their servers
 * ({@code org.asyncio4j.bench.echo}, {@code org.asyncio4j.bench.http}) run as processes of their
 * own under a load generator (the shared C one, wrk, a connection holder), in {@code bench/run}'s
 * {@code run_echo}, {@code run_http}, {@code run_idle_conns}, {@code run_group} and {@code run_tls}
 * steps; they are listed in {@link #ELSEWHERE} so that {@code --cases echo,http,idle_conns} is
 * accepted here and selects nothing. {@code blocking_jdbc} runs here but needs the PostgreSQL
 * server {@code bench/run} starts.
 *
 * {@snippet :
 * for (BenchCase c : Cases.select(List.of("spawn", "switch"))) { ... }
 * }
 */
public final class Cases {
    /** Cases that {@code bench/run} measures outside this JVM, with where. */
    public static final Map<String, String> ELSEWHERE = Map.of(
            "echo", "bench/run measures it: echo server processes under the C load generator",
            "http", "bench/run measures it: HTTP/1.1 plaintext server processes under wrk",
            "idle_conns", "bench/run measures it: echo server processes holding idle connections",
            "group_echo", "bench/run measures it: echo servers on 1 and 2 loops under the C load generator",
            "group_http", "bench/run measures it: HTTP/1.1 plaintext servers on 1 and 2 loops under wrk",
            "tls", "bench/run measures it: TLS echo server processes under the C TLS load generator");

    private static final Map<String, BenchCase> ALL = new LinkedHashMap<>();

    static {
        for (BenchCase c : List.of(new SpawnCase(), new SwitchCase(), new PingPongCase(), new QueueCase(),
                new TimersCase(), new IdleMemoryCase(), new CallSoonCase(), new FloorCase(),
                new SubprocessCatCase(), new ThreadsafeCase(), new CancelCase(), new LockCase(),
                new SwitchDepthCase(10), new SwitchDepthCase(50), new GatherCase(), new ReadlineCase(), new BlockingCase(BlockingCase.Call.SLEEP),
                new BlockingCase(BlockingCase.Call.FILE), new BlockingCase(BlockingCase.Call.FILE_TO_THREAD),
                new BlockingCase(BlockingCase.Call.SOCKET), new BlockingCase(BlockingCase.Call.JDBC))) {
            ALL.put(c.name(), c);
        }
    }

    private Cases() {
    }

    /** Every case's name, in run order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * The named cases in run order (all of them for an empty list).
     *
     * @throws IllegalArgumentException naming the unknown case and the known ones
     */
    public static List<BenchCase> select(List<String> names) {
        if (names.isEmpty()) {
            return List.copyOf(ALL.values());
        }
        List<BenchCase> selected = new ArrayList<>();
        for (String name : names) {
            BenchCase c = ALL.get(name);
            if (c == null && !ELSEWHERE.containsKey(name)) {
                throw new IllegalArgumentException("unknown case '" + name + "'; the cases are " + names()
                        + " (and, run by bench/run itself: " + ELSEWHERE.keySet() + ")");
            }
            if (c != null) {
                selected.add(c);
            }
        }
        return selected;
    }
}
