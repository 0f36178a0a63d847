package org.asyncio4j.bench.cases;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.bench.BenchCase;
import org.asyncio4j.bench.Figure;
import org.asyncio4j.bench.Size;

/**
 * {@code spawn}: create N tasks that each yield once ({@code sleep(0)}), then wait for all of them;
 * nanoseconds per task. The peers gather the tasks; asyncio4j has no {@code gather} yet, so the
 * main task awaits each in turn (the same work: every task has finished when the pass ends).
 */
public final class SpawnCase implements BenchCase {
    @Override
    public String name() {
        return "spawn";
    }

    @Override
    public int n(Size size) {
        return size.pick(200_000, 50_000, 500);
    }

    @Override
    public List<Figure> run(Size size) throws Exception {
        int n = n(size);
        return List.of(figure(n, size.passes().run(() -> once(n)), "ns/task"));
    }

    static double once(int n) {
        return Timing.nanosPer(n, () -> {
            @SuppressWarnings("unchecked")
            Task<Void>[] tasks = new Task[n];
            for (int i = 0; i < n; i++) {
                tasks[i] = Asyncio.createTask(() -> Asyncio.sleep(0));
            }
            for (Task<Void> task : tasks) {
                task.await();
            }
        });
    }
}
