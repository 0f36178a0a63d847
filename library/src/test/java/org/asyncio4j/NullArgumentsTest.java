// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 the asyncio4j authors

package org.asyncio4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.LocalVariableInfo;
import java.lang.invoke.MethodType;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.asyncio4j.net.DatagramProtocol;
import org.asyncio4j.net.DatagramTransport;
import org.asyncio4j.net.Server;
import org.asyncio4j.net.StreamConnection;
import org.asyncio4j.net.StreamReader;
import org.asyncio4j.net.StreamWriter;
import org.asyncio4j.net.Streams;
import org.asyncio4j.net.Transport;
import org.asyncio4j.net.Transports;
import org.asyncio4j.subprocess.Subprocess;
import org.asyncio4j.subprocess.SubprocessTransport;
import org.asyncio4j.subprocess.Subprocesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls every public constructor and method of the exported packages with null in each reference
 * parameter in turn (and with a null element in each array or collection parameter), the other
 * arguments valid, and expects a {@link NullPointerException} whose message names the parameter.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NullArgumentsTest {

    /** Parameters documented as nullable, as {@code Type#method(parameter)}: why null is fine there. */
    private static final Map<String, String> NULLABLE = Map.ofEntries(
            Map.entry("Future#cancel(message)", "no message, as cancel() without one"),
            Map.entry("Task#cancel(message)", "no message, as cancel() without one"),
            Map.entry("Asyncio#setEventLoop(loop)", "clears the thread's loop, as set_event_loop(None)"),
            Map.entry("Asyncio#timeout(delay)", "no deadline yet, as timeout(None)"),
            Map.entry("Asyncio#timeoutAt(when)", "never expires, as timeout_at(None)"),
            Map.entry("Timeout#reschedule(when)", "never expires, as reschedule(None)"),
            Map.entry("Asyncio#waitFor(timeout)", "waits without a limit, as wait_for(aw, None)"),
            Map.entry("Asyncio#wait(timeout)", "waits without a limit, as wait(fs, timeout=None)"),
            Map.entry("Asyncio#asCompleted(timeout)", "waits without a limit, as as_completed(fs, timeout=None)"),
            Map.entry("EventLoop#createTask(name)", "a generated Task-N name, as create_task(name=None)"),
            Map.entry("Asyncio#createTask(name)", "a generated Task-N name, as create_task(name=None)"),
            Map.entry("TaskGroup#createTask(name)", "a generated Task-N name, as create_task(name=None)"),
            Map.entry("TlsOptions#<init>(context)", "no TLS: plain bytes, as ssl=None"),
            Map.entry("TlsOptions#context(context)", "no TLS: plain bytes, as ssl=None"),
            Map.entry("Asyncio#createTask(context)", "a copy of the current context, as create_task(context=None)"),
            Map.entry("EventLoop#createTask(context)", "a copy of the current context, as create_task(context=None)"),
            Map.entry("TaskGroup#createTask(context)", "a copy of the current context, as create_task(context=None)"),
            Map.entry("Task#create(name)", "a generated Task-N name, as Task(coro, name=None)"),
            Map.entry("Task#create(context)", "a copy of the current context, as Task(coro, context=None)"),
            Map.entry("EventLoop#setTaskFactory(factory)", "back to the default factory, as set_task_factory(None)"),
            Map.entry("EventLoop#callSoon(context)", "a copy of the current context, as call_soon(context=None)"),
            Map.entry("EventLoop#callSoonThreadsafe(context)", "a copy of the current context, as call_soon_threadsafe(context=None)"),
            Map.entry("EventLoop#callAt(context)", "a copy of the current context, as call_at(context=None)"),
            Map.entry("EventLoop#callLater(context)", "a copy of the current context, as call_later(context=None)"),
            Map.entry("Future#addDoneCallback(context)", "a copy of the current context, as add_done_callback(context=None)"),
            Map.entry("EventLoop#runInExecutor(executor)", "the default executor, as run_in_executor(None, f)"),
            Map.entry("EventLoop#setExceptionHandler(handler)", "back to the default handler, as set_exception_handler(None)"),
            Map.entry("ExceptionHandler#context(exception)", "a report without an exception"),
            Map.entry("ExceptionGroup.Split#<init>(match)", "an empty side of a split is null"),
            Map.entry("ExceptionGroup.Split#<init>(rest)", "an empty side of a split is null"),
            Map.entry("ConnectOptions#localAddress(address)", "any local address, as local_addr=None"),
            Map.entry("ConnectOptions#ssl(context)", "plain TCP, as ssl=None"),
            Map.entry("ConnectOptions#serverHostname(name)", "the host connected to, as server_hostname=None"),
            Map.entry("ConnectOptions#happyEyeballsDelay(delay)", "one address after another, as happy_eyeballs_delay=None"),
            Map.entry("ServerOptions#ssl(context)", "plain TCP, as ssl=None"),
            Map.entry("Transports#createServer(host)", "every interface, as host=None"),
            Map.entry("Streams#startServer(host)", "every interface, as host=None"),
            Map.entry("GroupServer#createServer(host)", "every interface, as host=None"),
            Map.entry("GroupServer#startServer(host)", "every interface, as host=None"),
            Map.entry("Transports#createDatagramEndpoint(localAddress)", "no local address, as local_addr=None"),
            Map.entry("Transports#createDatagramEndpoint(remoteAddress)", "not connected, as remote_addr=None"),
            Map.entry("DatagramTransport#sendto(address)", "the connected peer, as sendto(data, None)"),
            Map.entry("Transports#startTls(serverHostname)", "ignored on the server side; a client is told to pass \"\" instead"),
            Map.entry("StreamWriter#startTls(serverHostname)", "ignored on the server side; a client is told to pass \"\" instead"),
            Map.entry("Subprocess#communicate(input)", "nothing to send, as communicate(None)"),
            Map.entry("SubprocessOptions#cwd(cwd)", "the parent's directory, as cwd=None"),
            Map.entry("SubprocessOptions#env(env)", "the parent's environment, as env=None"),
            Map.entry("SubprocessOptions#<init>(cwd)", "the parent's directory, as cwd=None"),
            Map.entry("SubprocessOptions#<init>(env)", "the parent's environment, as env=None"),
            Map.entry("ProcessOutput#<init>(stdout)", "not captured"),
            Map.entry("ProcessOutput#<init>(stderr)", "not captured"));

    /** Interfaces whose instance methods the library implements; users implement the others (protocols, bodies). */
    private static final Set<Class<?>> IMPLEMENTED_BY_THE_LIBRARY = Set.of(Transport.class, DatagramTransport.class,
            SubprocessTransport.class);

    /** The JDK's own message for a dereference of null: it names the parameter, but only where the code happened to trip. */
    private static final Pattern HELPFUL_NPE = Pattern.compile("^Cannot .* because .* is null$");

    @Test
    void everyPublicMethodNamesTheNullArgumentItRefuses() throws Exception {
        List<Class<?>> types = exportedTypes();
        assertThat(types).hasSizeGreaterThan(50);
        Set<String> allowed = new TreeSet<>();
        try (EventLoop idle = Asyncio.newEventLoop()) {
            List<String> failures = Asyncio.run(() -> TaskGroup.run(group -> {
                try (Fixtures fixtures = new Fixtures(group, idle)) {
                    List<String> found = new ArrayList<>();
                    for (Class<?> type : types) {
                        for (Executable executable : publicExecutables(type)) {
                            checkEachParameter(executable, fixtures, found, allowed);
                        }
                    }
                    return found;
                }
            }));
            assertThat(failures).isEmpty();
            assertThat(allowed).as("every entry of NULLABLE names a parameter").containsExactlyInAnyOrderElementsOf(NULLABLE.keySet());
        }
    }

    @Test
    void aNullFutureGivenToGatherIsNamed() {
        Asyncio.run(() -> {
            assertThatThrownBy(() -> Asyncio.gather((Future<Object>) null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("gather(): futures contains null");
        });
    }

    private static void checkEachParameter(Executable executable, Fixtures fixtures, List<String> failures, Set<String> allowed)
            throws Exception {
        Parameter[] parameters = executable.getParameters();
        List<String> names = parameterNames(executable, fixtures);
        for (int i = 0; i < parameters.length; i++) {
            String key = typeName(executable.getDeclaringClass()) + "#" + name(executable) + "(" + names.get(i) + ")";
            if (NULLABLE.containsKey(key)) {
                allowed.add(key);
                continue;
            }
            if (mayBeNull(executable, parameters[i])) {
                continue;
            }
            String problem = callWithNull(executable, i, names.get(i), null, fixtures);
            Class<?> type = parameters[i].getType();
            if (problem == null && type.isArray() && !type.getComponentType().isPrimitive()) {
                problem = callWithNull(executable, i, names.get(i), Array.newInstance(type.getComponentType(), 1), fixtures);
                problem = problem == null ? null : "with a null element: " + problem;
            } else if (problem == null && (Collection.class.isAssignableFrom(type) || type == Iterable.class)) {
                problem = callWithNull(executable, i, names.get(i), Set.class.isAssignableFrom(type) ? Collections.singleton(null)
                        : Arrays.asList((Object) null), fixtures);
                problem = problem == null ? null : "with a null element: " + problem;
            }
            if (problem != null) {
                failures.add(key + " " + problem);
            }
        }
    }

    /** Calls {@code executable} with {@code nullish} as argument {@code index}; null if it refused it by name. */
    private static String callWithNull(Executable executable, int index, String name, Object nullish, Fixtures fixtures)
            throws Exception {
        Parameter[] parameters = executable.getParameters();
        Object[] args = new Object[parameters.length];
        for (int j = 0; j < args.length; j++) {
            args[j] = j == index ? nullish : fixtures.sample(parameters[j].getType());
        }
        Object receiver = executable instanceof Method method && !Modifier.isStatic(method.getModifiers())
                ? fixtures.receiver(method.getDeclaringClass()) : null;
        // in a task of its own, so that a call that takes the null and then waits cannot hang the test
        Task<Object> call = Asyncio.createTask(() -> executable instanceof Constructor<?> constructor
                ? constructor.newInstance(args) : ((Method) executable).invoke(receiver, args));
        Asyncio.wait(List.of(call), 2.0);
        if (!call.isDone()) {
            call.cancel();
            return "accepted it and waited";
        }
        if (call.exception() instanceof InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NullPointerException && cause.getMessage() != null && !HELPFUL_NPE.matcher(cause.getMessage()).find()
                    && Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(cause.getMessage()).find()) {
                return null;
            }
            return "threw " + cause + (cause instanceof NullPointerException ? ", not naming '" + name + "'" : "");
        }
        if (call.exception() != null) {
            throw new AssertionError("could not call " + executable, call.exception());
        }
        fixtures.discard(call.result());
        return "accepted it";
    }

    /** Rules that cover whole kinds of parameters, so that the list above stays about documented choices. */
    private static boolean mayBeNull(Executable executable, Parameter parameter) {
        Class<?> type = parameter.getType();
        Type declared = parameter.getParameterizedType();
        Class<?> owner = executable.getDeclaringClass();
        return type.isPrimitive()
                // a value the caller stores or passes through (a result, an item, a default): null is a value, as None is
                || type == Object.class || (declared instanceof TypeVariable<?> variable && variable.getBounds()[0] == Object.class)
                // an exception's message, which the JDK's exceptions accept as null
                || (executable instanceof Constructor<?> && Throwable.class.isAssignableFrom(owner) && type == String.class)
                // generated by javac for every enum; its message is the JDK's
                || (owner.isEnum() && name(executable).equals("valueOf"));
    }

    private static List<Executable> publicExecutables(Class<?> type) {
        List<Executable> all = new ArrayList<>();
        if (!Modifier.isAbstract(type.getModifiers())) {
            all.addAll(List.of(type.getConstructors()));
        }
        for (Method method : type.getDeclaredMethods()) {
            boolean callback = type.isInterface() && !Modifier.isStatic(method.getModifiers()) && !IMPLEMENTED_BY_THE_LIBRARY.contains(type);
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge() && !callback) {
                all.add(method);
            }
        }
        all.sort(Comparator.comparing(Executable::toGenericString));
        return all;
    }

    /** The public types of the packages module-info exports to everyone, read from the compiled descriptor. */
    private static List<Class<?>> exportedTypes() throws Exception {
        Path classes = Path.of(Asyncio.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Set<String> names = new TreeSet<>();
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            if (export.isQualified()) {
                continue; // internals shown only to the test kit are not public API
            }
            try (Stream<Path> files = Files.list(classes.resolve(export.source().replace('.', '/')))) {
                files.map(file -> file.getFileName().toString())
                        .filter(file -> file.endsWith(".class") && !file.equals("package-info.class"))
                        .forEach(file -> names.add(export.source() + "." + file.substring(0, file.length() - 6)));
            }
        }
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, Asyncio.class.getClassLoader());
            if (isPublic(type)) {
                types.add(type);
            }
        }
        return types;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The source names of the parameters: from the class file's local variable table (Maven
     * compiles with {@code -g}), or from the implementation for an abstract method, or from
     * reflection where javac records them anyway (records' canonical constructors).
     */
    private static List<String> parameterNames(Executable executable, Fixtures fixtures) throws Exception {
        if (Stream.of(executable.getParameters()).allMatch(Parameter::isNamePresent)) {
            return Stream.of(executable.getParameters()).map(Parameter::getName).toList();
        }
        Executable withCode = executable;
        if (Modifier.isAbstract(executable.getModifiers())) {
            withCode = null;
            for (Class<?> c = fixtures.receiver(executable.getDeclaringClass()).getClass(); withCode == null; c = c.getSuperclass()) {
                try {
                    Method candidate = c.getDeclaredMethod(executable.getName(), executable.getParameterTypes());
                    // a visibility bridge javac adds to a public subclass of a package-private class has no names
                    withCode = Modifier.isAbstract(candidate.getModifiers()) || candidate.isBridge() ? null : candidate;
                } catch (NoSuchMethodException e) {
                    // declared further up
                }
            }
        }
        Class<?> owner = withCode.getDeclaringClass();
        String descriptor = MethodType.methodType(withCode instanceof Method m ? m.getReturnType() : void.class,
                withCode.getParameterTypes()).toMethodDescriptorString();
        String methodName = name(withCode);
        ClassModel model;
        try (InputStream in = owner.getClassLoader().getResourceAsStream(owner.getName().replace('.', '/') + ".class")) {
            model = ClassFile.of().parse(in.readAllBytes());
        }
        MethodModel method = model.methods().stream()
                .filter(m -> m.methodName().equalsString(methodName) && m.methodType().equalsString(descriptor))
                .findFirst().orElseThrow();
        int firstSlot = Modifier.isStatic(withCode.getModifiers()) ? 0 : 1;
        List<LocalVariableInfo> locals = method.code().orElseThrow().findAttribute(Attributes.localVariableTable())
                .orElseThrow(() -> new AssertionError(owner + " was compiled without -g")).localVariables();
        List<String> names = locals.stream().filter(local -> local.startPc() == 0 && local.slot() >= firstSlot)
                .sorted(Comparator.comparingInt(LocalVariableInfo::slot))
                .limit(executable.getParameterCount()).map(local -> local.name().stringValue()).toList();
        assertThat(names).as("parameter names of %s", executable).hasSize(executable.getParameterCount());
        return names;
    }

    private static String typeName(Class<?> type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private static String name(Executable executable) {
        return executable instanceof Constructor<?> ? "<init>" : executable.getName();
    }

    /** Valid arguments and receivers: live objects of the running loop, and a second loop that never runs. */
    private static final class Fixtures implements AutoCloseable {
        private final TaskGroup group;
        private final EventLoop running = Asyncio.getRunningLoop();
        private final EventLoop idle;
        private final ContextVar<String> variable = new ContextVar<>("sample");
        private final Path directory = Files.createTempDirectory("asyncio4j-null");
        private final Server server = Streams.startServer((reader, writer) -> writer.close(), "127.0.0.1", 0);
        private final StreamConnection connection = Streams.openConnection("127.0.0.1",
                ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort());
        private final DatagramTransport datagrams = Transports.createDatagramEndpoint(() -> new DatagramProtocol() { },
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null).transport();
        private final Subprocess process = Subprocesses.createSubprocessExec("true");
        private final List<AutoCloseable> channels = new ArrayList<>();

        Fixtures(TaskGroup group, EventLoop idle) throws Exception {
            this.group = group;
            this.idle = idle;
        }

        Object receiver(Class<?> type) throws Exception {
            if (type == EventLoop.class) {
                return idle;
            }
            if (type == TaskGroup.class) {
                return group;
            }
            if (type == Transport.class) {
                return connection.writer().transport();
            }
            if (type == DatagramTransport.class) {
                return datagrams;
            }
            if (type == Subprocess.class) {
                return process;
            }
            if (type == SubprocessTransport.class) {
                return process.transport();
            }
            return sample(type);
        }

        /** A valid, non-null value of {@code type}. */
        Object sample(Class<?> type) throws Exception {
            if (type.isPrimitive()) {
                return primitive(type);
            }
            if (type.isArray()) {
                return Array.newInstance(type.getComponentType(), 0);
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            Object known = known(type);
            if (known != null) {
                return known;
            }
            if (type.isInterface()) {
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                        method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                                : method.getReturnType().isPrimitive() ? primitive(method.getReturnType()) : null);
            }
            for (Method factory : type.getMethods()) {
                if (Modifier.isStatic(factory.getModifiers()) && factory.getParameterCount() == 0 && factory.getReturnType() == type) {
                    return factory.invoke(null);
                }
            }
            for (java.lang.reflect.Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
                    return field.get(null);
                }
            }
            return type.getConstructor().newInstance();
        }

        private Object known(Class<?> type) throws Exception {
            if (type == String.class || type == CharSequence.class) {
                return "localhost";
            }
            if (type == Double.class) {
                return 0.001;
            }
            if (type == Duration.class) {
                return Duration.ofMillis(1);
            }
            if (type == Runnable.class) {
                return (Runnable) () -> { };
            }
            if (type == Callable.class) {
                return (Callable<Object>) () -> null;
            }
            if (type == Coroutine.class) {
                return (Coroutine<Object>) () -> null;
            }
            if (type == AsyncRunnable.class) {
                return (AsyncRunnable) () -> { };
            }
            if (type == EventLoop.class) {
                return running;
            }
            if (type == Future.class) {
                return running.createFuture();
            }
            if (type == Task.class) {
                return running.createTask(() -> Asyncio.sleep(0));
            }
            if (type == CompletionStage.class || type == CompletableFuture.class) {
                return new CompletableFuture<>();
            }
            if (type == Collection.class || type == List.class || type == Iterable.class) {
                return List.of();
            }
            if (type == Set.class) {
                return Set.of();
            }
            if (type == Map.class) {
                return Map.of();
            }
            if (type == ByteBuffer.class) {
                return ByteBuffer.allocate(0);
            }
            if (type == Path.class) {
                return directory.resolve("missing");
            }
            if (type == SocketAddress.class || type == InetSocketAddress.class) {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
            }
            if (type == SSLContext.class) {
                return SSLContext.getDefault();
            }
            if (type == Class.class) {
                return RuntimeException.class;
            }
            if (type == Throwable.class || type == Exception.class) {
                return new RuntimeException("sample");
            }
            if (type == CancelledError.class) {
                return new CancelledError("sample");
            }
            if (type == ExceptionGroup.class) {
                return new ExceptionGroup("sample", List.of(new RuntimeException("sample")));
            }
            if (type == PrintStream.class) {
                return new PrintStream(OutputStream.nullOutputStream());
            }
            if (type == ContextVar.class) {
                return variable;
            }
            if (type == Token.class) {
                return variable.set("sample");
            }
            if (type == Context.class) {
                return Context.copyContext();
            }
            if (type == AsyncGenerator.class) {
                return AsyncGenerator.of(out -> { });
            }
            if (type == StreamReader.class) {
                return new StreamReader();
            }
            if (type == StreamWriter.class) {
                return connection.writer();
            }
            if (type == SocketChannel.class) {
                return keep(SocketChannel.open());
            }
            if (type == ServerSocketChannel.class) {
                return keep(ServerSocketChannel.open());
            }
            if (type == FileChannel.class) {
                Path file = Files.createTempFile(directory, "sample", ".bin");
                return keep(FileChannel.open(file));
            }
            return null;
        }

        private <C extends AutoCloseable> C keep(C channel) {
            channels.add(channel);
            return channel;
        }

        private static Object primitive(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == double.class || type == float.class) {
                return type == double.class ? (Object) 0.001 : (Object) 0.001f;
            }
            if (type == char.class) {
                return 'x';
            }
            if (type == void.class) {
                return null;
            }
            return type == long.class ? (Object) 1L : type == int.class ? (Object) 1 : type == short.class ? (Object) (short) 1 : (Object) (byte) 1;
        }

        /** Undoes what a call that accepted null started. */
        void discard(Object result) throws Exception {
            if (result instanceof Future<?> future) {
                future.cancel();
            } else if (result instanceof Server started) {
                started.close();
            }
        }

        @Override
        public void close() throws Exception {
            process.await();
            connection.writer().close();
            server.close();
            datagrams.close();
            for (AutoCloseable channel : channels) {
                channel.close();
            }
        }
    }
}
