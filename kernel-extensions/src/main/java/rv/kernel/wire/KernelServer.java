package rv.kernel.wire;

import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

/**
 * The five Jupyter sockets, each served by a thread that blocks on its socket (no polling sleeps).
 * Shell and control requests go to a handler on their own thread; iopub messages are queued from any
 * thread and sent by a single publisher thread, because ZeroMQ sockets must not be shared.
 */
public final class KernelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelServer.class);
    private static final Message STOP = Message.create("stop", "", null, new JsonObject());
    private static final String BARRIER_KEY = "rv-kernel-barrier";
    private final java.util.Map<String, CountDownLatch> barriers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Which router socket a request came on. */
    public enum Channel { SHELL, CONTROL }

    private final ConnectionInfo info;
    private final Signer signer;
    private final String session = UUID.randomUUID().toString();
    private final ZMQ.Context context = ZMQ.context(1);
    private final BlockingQueue<Message> iopubQueue = new LinkedBlockingQueue<>();
    private final Object stdinLock = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private ZMQ.Socket shell, control, stdin, iopub, heartbeat;
    private volatile boolean closing;

    public KernelServer(ConnectionInfo info) {
        this.info = info;
        this.signer = new Signer(info.key(), info.signatureScheme());
    }

    public String session() {
        return session;
    }

    /** Binds all sockets and starts the threads; {@code handler} receives every shell/control request. */
    public void start(BiConsumer<Channel, Message> handler) {
        shell = bind(SocketType.ROUTER, info.shellPort());
        control = bind(SocketType.ROUTER, info.controlPort());
        stdin = bind(SocketType.ROUTER, info.stdinPort());
        iopub = bind(SocketType.PUB, info.iopubPort());
        heartbeat = bind(SocketType.REP, info.hbPort());
        spawn("rv-kernel-heartbeat", heartbeat, this::heartbeatLoop);
        spawn("rv-kernel-iopub", iopub, this::iopubLoop);
        spawn("rv-kernel-control", control, () -> requestLoop(control, Channel.CONTROL, handler));
        spawn("rv-kernel-shell", shell, () -> requestLoop(shell, Channel.SHELL, handler));
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        ZMQ.Socket s = context.socket(type);
        s.setLinger(1000);
        s.bind(info.endpoint(port));
        return s;
    }

    /** Runs {@code body} on a thread that owns {@code socket} and closes it on the way out. */
    private void spawn(String name, ZMQ.Socket socket, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (ZMQException e) {
                if (!closing) LOG.error("{} stopped: {}", name, e.toString());
            } catch (RuntimeException e) {
                if (!closing) LOG.error("{} failed", name, e);
            } finally {
                socket.close();
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void heartbeatLoop() {
        while (!closing) {
            byte[] ping = heartbeat.recv(0);
            if (ping == null) continue;
            heartbeat.send(ping, 0);
        }
    }

    private void iopubLoop() {
        while (true) {
            Message m;
            try {
                m = iopubQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (m == STOP) return;
            if (m.content().has(BARRIER_KEY)) {
                CountDownLatch l = barriers.remove(m.content().get(BARRIER_KEY).getAsString());
                if (l != null) l.countDown();
                continue;
            }
            String topic = "kernel." + session + "." + m.type();
            m.withIdentities(List.of(topic.getBytes(StandardCharsets.UTF_8))).send(iopub, signer);
        }
    }

    private void requestLoop(ZMQ.Socket socket, Channel channel, BiConsumer<Channel, Message> handler) {
        while (!closing) {
            List<byte[]> frames = receive(socket);
            if (frames == null) continue;
            Message m;
            try {
                m = Message.parse(frames, signer);
            } catch (RuntimeException e) {
                LOG.warn("dropping malformed message on {}: {}", channel, e.toString());
                continue;
            }
            if (m == null) {
                LOG.warn("dropping message with a bad signature on {}", channel);
                continue;
            }
            handler.accept(channel, m);
        }
    }

    private static List<byte[]> receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] f = socket.recv(0);
            if (f == null) return null;
            frames.add(f);
        } while (socket.hasReceiveMore());
        return frames;
    }

    /** Sends a reply on the socket of {@code channel}; call it from that channel's handler thread. */
    public void reply(Channel channel, Message request, String type, JsonObject content) {
        Message m = Message.create(type, session, request, content);
        m.send(channel == Channel.SHELL ? shell : control, signer);
    }

    /** Queues a message on iopub; safe from any thread. {@code parent} may be null. */
    public void publish(String type, Message parent, JsonObject content) {
        Message m = Message.create(type, session, parent, content);
        iopubQueue.add(m);
    }

    /**
     * Waits until everything queued for iopub so far has been handed to ZeroMQ, so that a reply sent
     * next never overtakes the outputs and the idle status of its request.
     */
    public void flushIopub(long timeoutMillis) {
        String id = UUID.randomUUID().toString();
        CountDownLatch latch = new CountDownLatch(1);
        barriers.put(id, latch);
        JsonObject c = new JsonObject();
        c.addProperty(BARRIER_KEY, id);
        iopubQueue.add(Message.create("barrier", session, null, c));
        try {
            latch.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            barriers.remove(id);
        }
    }

    /** Asks the frontend for a line of input (stdin channel); blocks the calling thread for the answer. */
    public String requestInput(Message parent, String prompt, boolean password) {
        synchronized (stdinLock) {
            JsonObject c = new JsonObject();
            c.addProperty("prompt", prompt);
            c.addProperty("password", password);
            Message m = Message.create("input_request", session, parent, c);
            m.send(stdin, signer);
            while (true) {
                List<byte[]> frames = receive(stdin);
                if (frames == null) return null;
                Message r = Message.parse(frames, signer);
                if (r != null && "input_reply".equals(r.type())) {
                    return r.content().has("value") ? r.content().get("value").getAsString() : "";
                }
            }
        }
    }

    /**
     * Stops serving: the iopub queue is drained, then the context is terminated on a helper thread
     * (termination waits until every socket thread has closed its socket, which may include the caller).
     */
    @Override
    public void close() {
        if (closing) return;
        closing = true;
        closeRequested.countDown();
        iopubQueue.add(STOP);
        synchronized (stdinLock) {
            stdin.close();
        }
        Thread terminator = new Thread(() -> {
            context.term();
            closed.countDown();
        }, "rv-kernel-terminate");
        terminator.setDaemon(true);
        terminator.start();
    }

    /** Blocks until a shutdown request (or {@link #close()}) arrives. */
    public void awaitCloseRequest() throws InterruptedException {
        closeRequested.await();
    }

    /** Blocks until the sockets are closed or {@code millis} passed. */
    public boolean awaitClose(long millis) throws InterruptedException {
        return closed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
