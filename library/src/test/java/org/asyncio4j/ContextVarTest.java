// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ContextVarTest {
    private static final ContextVar<String> NAME = new ContextVar<>("name");
    private static final ContextVar<Integer> COUNT = new ContextVar<>("count", 0);

    @Test
    void getWithoutAValueUsesTheDefaultOrFails() {
        Asyncio.run(() -> {
            assertThatThrownBy(NAME::get).isInstanceOf(NoSuchElementException.class).hasMessageContaining("'name'");
            assertThat(NAME.get("fallback")).isEqualTo("fallback");
            assertThat(COUNT.get()).isZero();
            assertThat(COUNT.get(7)).isEqualTo(7);
        });
    }

    @Test
    void setReturnsATokenThatResetsThePreviousValue() {
        Asyncio.run(() -> {
            Token<String> first = NAME.set("a");
            assertThat(first.hasOldValue()).isFalse();
            Token<String> second = NAME.set("b");
            assertThat(second.oldValue()).isEqualTo("a");
            assertThat(NAME.get()).isEqualTo("b");
            NAME.reset(second);
            assertThat(NAME.get()).isEqualTo("a");
            NAME.reset(first);
            assertThat(NAME.get("unset")).isEqualTo("unset");
            assertThatThrownBy(() -> NAME.reset(first)).isInstanceOf(IllegalStateException.class).hasMessageContaining("already been used");
            assertThatThrownBy(first::oldValue).isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void aTokenBelongsToItsVariableAndContext() {
        Asyncio.run(() -> {
            ContextVar<String> other = new ContextVar<>("other");
            Token<String> token = NAME.set("x");
            assertThatThrownBy(() -> other.reset(token)).isInstanceOf(IllegalArgumentException.class);
            Task<Void> child = Asyncio.createTask(() -> NAME.reset(token));
            assertThatThrownBy(child::await).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different Context");
        });
    }

    @Test
    void aTaskRunsInACopyOfItsCreatorsContext() {
        Asyncio.run(() -> {
            NAME.set("parent");
            Task<String> child = Asyncio.createTask(() -> {
                String inherited = NAME.get();
                NAME.set("child");
                Asyncio.sleep(0);
                return inherited + "/" + NAME.get();
            });
            NAME.set("parent changed later");
            assertThat(child.await()).isEqualTo("parent/child");
            assertThat(NAME.get()).isEqualTo("parent changed later");
        });
    }

    @Test
    void siblingsDoNotSeeEachOthersValues() {
        Asyncio.run(() -> {
            List<Task<Integer>> tasks = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int mine = i;
                tasks.add(Asyncio.createTask(() -> {
                    COUNT.set(mine);
                    Asyncio.sleep(0.001 * (4 - mine));
                    return COUNT.get();
                }));
            }
            assertThat(Asyncio.gather(tasks).await()).containsExactly(1, 2, 3);
            assertThat(COUNT.get()).isZero();
        });
    }

    @Test
    void callbacksRunInTheContextCapturedWhenScheduled() {
        List<String> seen = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            NAME.set("at callSoon");
            loop.callSoon(() -> seen.add("soon: " + NAME.get()));
            NAME.set("at callLater");
            loop.callLater(0.001, () -> seen.add("later: " + NAME.get()));
            Future<String> future = loop.createFuture();
            NAME.set("at addDoneCallback");
            future.addDoneCallback(f -> seen.add("done: " + NAME.get()));
            NAME.set("afterwards");
            future.setResult("x");
            Asyncio.sleep(0.01);
        });
        assertThat(seen).containsExactly("soon: at callSoon", "done: at addDoneCallback", "later: at callLater");
    }

    @Test
    void aCallbacksChangesStayInItsOwnCopy() {
        List<String> seen = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            loop.callSoon(() -> {
                NAME.set("set by a callback");
                seen.add("first: " + NAME.get());
            });
            loop.callSoon(() -> seen.add("second: " + NAME.get("unset")));
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            seen.add("task: " + NAME.get("unset"));
        });
        assertThat(seen).containsExactly("first: set by a callback", "second: unset", "task: unset");
    }

    @Test
    void callSoonThreadsafeCapturesTheCallingThreadsContext() {
        List<String> seen = new ArrayList<>();
        Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<Void> done = loop.createFuture();
            Thread other = Thread.ofPlatform().start(() -> {
                NAME.set("other thread");
                loop.callSoonThreadsafe(() -> {
                    seen.add(NAME.get());
                    done.setResult(null);
                });
            });
            done.await();
            other.join();
        });
        assertThat(seen).containsExactly("other thread");
    }

    @Test
    void contextRunEntersTheContextAndKeepsItsChanges() {
        Asyncio.run(() -> {
            NAME.set("outer");
            Context copy = Context.copyContext();
            String inside = copy.run(() -> {
                NAME.set("inside the copy");
                return NAME.get();
            });
            assertThat(inside).isEqualTo("inside the copy");
            assertThat(NAME.get()).isEqualTo("outer");
            assertThat(copy.get(NAME)).isEqualTo("inside the copy");
            assertThat(copy.contains(NAME)).isTrue();
            assertThat(copy.variables()).containsExactly(NAME);
            assertThatThrownBy(() -> copy.run(() -> copy.run(() -> null))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already entered");
        });
    }

    @Test
    void contextRunWorksOnAPlainThread() {
        Context context = new Context();
        context.run(() -> NAME.set("plain"));
        assertThat(context.get(NAME)).isEqualTo("plain");
        assertThat(NAME.get("unset")).isEqualTo("unset");
    }

    @Test
    void aTaskCreatedInsideContextRunCopiesThatContext() {
        Asyncio.run(() -> {
            Context custom = new Context();
            custom.run(() -> NAME.set("custom"));
            Task<String> child = custom.run(() -> Asyncio.createTask(() -> NAME.get()));
            assertThat(child.await()).isEqualTo("custom");
        });
    }

    @Test
    void resetReportsAUsedTokenBeforeAnyOtherMistakeAsCPythonDoes() {
        // CPython 3.13: RuntimeError "has already been used once" wins over "different ContextVar" and "different Context"
        Asyncio.run(() -> {
            Token<String> token = NAME.set("a");
            NAME.reset(token);
            ContextVar<String> other = new ContextVar<>("other");
            @SuppressWarnings("unchecked")
            Token<String> sameToken = (Token<String>) (Token<?>) token;
            assertThatThrownBy(() -> other.reset(sameToken)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already been used");
            Context.copyContext().run(() -> assertThatThrownBy(() -> NAME.reset(token))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already been used"));

            Token<String> fresh = NAME.set("b");
            Context.copyContext().run(() -> assertThatThrownBy(() -> NAME.reset(fresh))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different Context"));
            NAME.reset(fresh);
        });
    }
}
