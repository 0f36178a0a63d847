// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The JVM peers' timed micro cases measured the way bench/run measures asyncio4j: one case per
 * process, one warm-up pass, then PASSES timed passes (a full GC before each), the best with the
 * median and spread beside it, the process's CPU time per operation ({@code cpu_ns}) and the
 * collectors' milliseconds per pass ({@code gc_ms}). The work of each pass is the shared peer's
 * own method (the Kotlin suite's top-level functions; the virtual-thread suite's, driven from a
 * virtual thread as its own main does), called unchanged by reflection; for {@code netty-epoll}
 * (only the {@code threadsafe} case, with the peers/netty-vertx classpath) it is
 * {@code bench.micro.NettyExecute}'s, and for Kotlin's {@code cancel} and {@code lock} (with the
 * peers/kotlin classpath; the shared suite has neither) {@code bench.micro.KotlinCases}'.
 *
 * <pre>java -cp jvm-peers.jar PeerPasses.java kotlin-coroutines|java-vthreads-1carrier CASE N PASSES</pre>
 * CASE is spawn, switch, pingpong or queue (threadsafe for netty-epoll; cancel or lock for
 * kotlin-coroutines). One JSON line on stdout.
 */
public final class PeerPasses {
    public static void main(String[] args) throws Throwable {
        if (args.length != 4) {
            System.err.println("usage: PeerPasses kotlin-coroutines|java-vthreads-1carrier spawn|switch|pingpong|queue N PASSES");
            System.exit(2);
        }
        String system = args[0];
        String kase = args[1];
        int n = Integer.parseInt(args[2]);
        int passes = Integer.parseInt(args[3]);
        boolean kotlin = system.startsWith("kotlin");
        boolean netty = system.startsWith("netty");
        boolean ownKotlin = kotlin && (kase.equals("cancel") || kase.equals("lock"));
        Class<?> suite = Class.forName(netty ? "bench.micro.NettyExecute" : ownKotlin ? "bench.micro.KotlinCases"
                : kotlin ? "bench.micro.CoroutineMicro" : "bench.micro.VThreadMicro");
        String methodName = switch (kase) {
            case "switch" -> "switches";
            case "spawn", "pingpong", "queue", "threadsafe", "cancel", "lock" -> kase;
            default -> throw new IllegalArgumentException("unknown case '" + kase
                    + "': spawn, switch, pingpong, queue, threadsafe, cancel or lock");
        };
        Method method = suite.getDeclaredMethod(methodName, int.class);
        method.setAccessible(true);
        Callable<Double> body = () -> (Double) method.invoke(null, n);
        Callable<Double> pass = kotlin || netty ? body : () -> onVirtualThread(body);

        pass.call(); // warm-up
        double[] wall = new double[passes];
        double cpuBest = Double.MAX_VALUE;
        long gcMillis = 0;
        double operations = kase.equals("switch") ? 2.0 * n : n;
        for (int i = 0; i < passes; i++) {
            System.gc();
            long gc0 = gcMillis();
            long cpu0 = processCpuNanos();
            wall[i] = pass.call();
            cpuBest = Math.min(cpuBest, (processCpuNanos() - cpu0) / operations);
            gcMillis += gcMillis() - gc0;
        }
        double[] sorted = wall.clone();
        Arrays.sort(sorted);
        int mid = passes / 2;
        double median = passes % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        double spread = median > 0 ? 100 * (sorted[passes - 1] - sorted[0]) / median : 0;
        String unit = switch (kase) {
            case "spawn", "cancel" -> "ns/task";
            case "lock" -> "ns/acquisition";
            case "switch" -> "ns/switch";
            case "pingpong" -> "ns/round-trip";
            case "threadsafe" -> "ns/callback";
            default -> "ns/item";
        };
        System.out.printf(Locale.ROOT, "{\"system\":\"%s\",\"case\":\"%s\",\"n\":%d,\"value\":%.1f,\"unit\":\"%s\","
                + "\"median\":%.1f,\"spread_pct\":%.1f,\"passes\":%d,\"cpu_ns\":%.1f,\"gc_ms\":%.1f}%n",
                system, kase, n, sorted[0], unit, median, spread, passes, cpuBest, (double) gcMillis / passes);
    }

    private static double onVirtualThread(Callable<Double> body) throws Exception {
        double[] result = new double[1];
        Exception[] failure = new Exception[1];
        Thread.startVirtualThread(() -> {
            try {
                result[0] = body.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        }).join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    /**
     * The process's CPU nanoseconds as asyncio4j's harness reads them (its ProcessCpu):
     * clock_gettime(CLOCK_PROCESS_CPUTIME_ID) through the FFM API on Linux (every thread, in
     * nanoseconds, the clock Python's process_time_ns reads), else the JVM's coarse figure.
     */
    private static long processCpuNanos() throws Throwable {
        if (CLOCK_GETTIME == null) {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment time = arena.allocate(16, 8);
            int status = (int) CLOCK_GETTIME.invokeExact(2, time); // CLOCK_PROCESS_CPUTIME_ID on Linux
            return status != 0 ? -1 : time.get(ValueLayout.JAVA_LONG, 0) * 1_000_000_000L + time.get(ValueLayout.JAVA_LONG, 8);
        }
    }

    private static final MethodHandle CLOCK_GETTIME = System.getProperty("os.name").startsWith("Linux")
            ? Linker.nativeLinker().downcallHandle(Linker.nativeLinker().defaultLookup().find("clock_gettime").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS))
            : null;

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
