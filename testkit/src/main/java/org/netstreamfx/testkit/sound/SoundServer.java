package org.netstreamfx.testkit.sound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PulseAudio sound server for tests and benchmarks: {@code pulseaudio -n} with one
 * null sink ({@value #SINK}, the default output) and the native protocol on a Unix socket. A
 * null sink is paced in real time like a sound card, and its monitor source records what it
 * plays. Never the user's or the system's server: its socket and runtime folder are its own.
 *
 * <p>How a JVM reaches it: ALSA's pulse plugin ({@code pcm.!default { type pulse }}, the file
 * {@code resources/sound/alsa-pulse.conf} named by {@code ALSA_CONFIG_PATH}) connects to
 * {@code PULSE_SERVER}. The build sets both variables for every test JVM (Surefire's
 * environment), and the server starts on the socket that {@code PULSE_SERVER} names, so Java
 * Sound in the test JVM and in every child process it starts plays here. Started without
 * {@code PULSE_SERVER} (a benchmark run by hand), it makes its own socket and {@link #environment()}
 * gives a child process what it needs to reach it.
 *
 * <p><b>Like a sound card, not like an idle null sink.</b> PulseAudio 16's null sink, while no
 * stream plays, renders silence up to 2 s ahead and does not rewind it for a new stream, so a
 * stream that starts then waits up to 2 s before it is heard: no sound card does that (an ALSA
 * sink rewinds and plays a new stream at once). So the server keeps a silent stream connected
 * with a 10 ms latency ({@link #setKeepAlive}), which keeps the sink rendering 10 ms ahead, as a
 * card's period. A test of a late-starting device turns it off.
 *
 * <p>Thread-safe: every method runs a short command or reads final fields.
 */
public final class SoundServer implements AutoCloseable {
    /** The default output every player plays into. */
    public static final String SINK = "nsfx_out";
    /** How long the daemon may take to answer {@code pactl info} after it starts. */
    static final long START_TIMEOUT_MS = 15_000;
    /** A Unix socket path longer than this does not fit {@code sockaddr_un} on every platform. */
    static final int MAX_SOCKET_PATH = 100;
    /** The packages that provide what this class runs (Debian's names). */
    public static final String PACKAGES = "pulseaudio pulseaudio-utils libasound2-plugins";

    private final Path runtimeDir;
    private final Path socket;
    private final Path alsaConfig;
    private final Map<String, String> environment;
    private Process daemon;
    private Process keepAlive;
    /** A sink that renders less than this ahead has settled on the keep-alive stream's latency. */
    static final long SETTLED_LATENCY_US = 30_000;
    /** The latency the silent keep-alive stream asks for: how far ahead the sink renders. */
    static final int KEEP_ALIVE_LATENCY_MS = 10;
    private final List<String> extraSinks = new ArrayList<>();

    private SoundServer(Path runtimeDir, Path socket, Path alsaConfig) {
        this.runtimeDir = runtimeDir;
        this.socket = socket;
        this.alsaConfig = alsaConfig;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PULSE_SERVER", "unix:" + socket);
        env.put("ALSA_CONFIG_PATH", "/usr/share/alsa/alsa.conf:" + alsaConfig);
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        this.environment = Map.copyOf(env);
    }

    /**
     * Starts a server. Its socket is where {@code PULSE_SERVER} points when that is a
     * {@code unix:} path (the build's setting for test JVMs), else a new temporary folder's.
     *
     * @throws IllegalStateException naming the missing packages when pulseaudio or pactl is not installed
     */
    public static SoundServer start() throws IOException {
        String fromEnv = System.getenv("PULSE_SERVER");
        return start(fromEnv != null && fromEnv.startsWith("unix:") ? Path.of(fromEnv.substring(5)) : null);
    }

    /**
     * Starts a server on a socket of its own in a new temporary folder, whatever
     * {@code PULSE_SERVER} says: for a benchmark whose players run in child processes given
     * {@link #environment()}, beside the test server this JVM may already run on that socket.
     */
    public static SoundServer startPrivate() throws IOException {
        return start(null);
    }

    private static SoundServer start(Path socketOrNull) throws IOException {
        requireTools();
        Path runtime = Files.createTempDirectory("nsfx-pulse-");
        Path socket = socketOrNull != null ? socketOrNull : runtime.resolve("native");
        if (socket.toString().length() > MAX_SOCKET_PATH) {
            throw new IllegalStateException("The sound server's socket path " + socket + " is "
                    + socket.toString().length() + " characters, over the " + MAX_SOCKET_PATH
                    + " a Unix socket allows: build from a shorter folder");
        }
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        Path alsa = runtime.resolve("asound.conf");
        Files.writeString(alsa, "pcm.!default { type pulse server \"unix:" + socket + "\" }\n"
                + "ctl.!default { type pulse server \"unix:" + socket + "\" }\n");
        SoundServer server = new SoundServer(runtime, socket, alsa);
        server.launch();
        return server;
    }

    /** Fails with the install hint when a command this class needs is missing. */
    public static void requireTools() {
        for (String tool : List.of("pulseaudio", "pactl", "parec", "pacat")) {
            if (!onPath(tool)) {
                throw new IllegalStateException(tool + " not found on PATH: the sound tests need a real sound "
                        + "server; run ./scripts/install-deps (apt-get install " + PACKAGES + ")");
            }
        }
        boolean plugin = Stream.of("x86_64-linux-gnu", "aarch64-linux-gnu", "arm-linux-gnueabihf")
                .anyMatch(arch -> Files.exists(Path.of("/usr/lib", arch, "alsa-lib", "libasound_module_pcm_pulse.so")));
        if (!plugin) {
            throw new IllegalStateException("ALSA's pulse plugin (libasound2-plugins) is not installed: run "
                    + "./scripts/install-deps");
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private synchronized void launch() throws IOException {
        List<String> cmd = List.of("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--disallow-exit", "--log-target=stderr",
                "--load=module-null-sink sink_name=" + SINK + " sink_properties=device.description=NetStreamFX_test_output",
                "--load=module-native-protocol-unix auth-anonymous=1 socket=" + socket);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(runtimeDir.resolve("pulseaudio.log").toFile());
        pb.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        pb.environment().put("HOME", runtimeDir.toString());
        daemon = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (true) {
            if (!daemon.isAlive()) {
                throw new IOException("pulseaudio exited with " + daemon.exitValue() + " at start: " + log());
            }
            if (Files.exists(socket) && run(List.of("pactl", "info")).exitCode == 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                daemon.destroyForcibly();
                throw new IOException("pulseaudio did not answer within " + START_TIMEOUT_MS + " ms: " + log());
            }
            waitBriefly();
        }
        run(List.of("pactl", "set-default-sink", SINK));
        setKeepAlive(true);
    }

    /**
     * Keeps a silent stream with a {@value #KEEP_ALIVE_LATENCY_MS} ms latency playing into the
     * sink (on: a new stream is heard at once, as on a sound card), or stops it (off: the idle
     * null sink makes a new stream wait up to 2 s, a device that starts late).
     */
    public synchronized void setKeepAlive(boolean on) throws IOException {
        if (!on) {
            if (keepAlive != null) {
                keepAlive.destroy();
                try {
                    keepAlive.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                keepAlive = null;
            }
            return;
        }
        if (keepAlive != null && keepAlive.isAlive()) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("pacat", "--playback", "-d", SINK, "--format=s16le", "--rate=44100",
                "--channels=2", "--latency-msec=" + KEEP_ALIVE_LATENCY_MS, "--client-name=nsfx-keep-alive",
                "/dev/zero").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        keepAlive = pb.start();
        awaitSinkLatencyBelow(SETTLED_LATENCY_US);
    }

    /**
     * Waits until the sink renders less than {@code latencyUs} ahead: an idle null sink has
     * rendered up to 2 s of silence ahead, which a stream started before it has played out would
     * wait behind.
     */
    private void awaitSinkLatencyBelow(long latencyUs) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        java.util.regex.Pattern latency = java.util.regex.Pattern.compile("Latency: (\\d+) usec");
        while (true) {
            String sinks = run(List.of("pactl", "list", "sinks")).output;
            int at = sinks.indexOf("Name: " + SINK);
            java.util.regex.Matcher m = latency.matcher(at < 0 ? "" : sinks.substring(at));
            if (m.find() && Long.parseLong(m.group(1)) < latencyUs) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("The sink " + SINK + " still renders " + (m.find(0) ? m.group(1) : "?")
                        + " µs ahead " + START_TIMEOUT_MS + " ms after the keep-alive stream started");
            }
            waitBriefly();
        }
    }

    private static void waitBriefly() throws IOException {
        try {
            TimeUnit.MILLISECONDS.sleep(20); // polling a process that has no event to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for pulseaudio", e);
        }
    }

    /** What the daemon printed so far (for failure messages). */
    public String log() {
        try {
            return Files.readString(runtimeDir.resolve("pulseaudio.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The variables a child process needs to play into and record from this server:
     * {@code PULSE_SERVER}, {@code ALSA_CONFIG_PATH} (ALSA's own file plus one that sends the
     * default device to this server) and {@code XDG_RUNTIME_DIR}.
     */
    public Map<String, String> environment() {
        return environment;
    }

    /** The ALSA configuration file that points the default device at this server. */
    public Path alsaConfig() {
        return alsaConfig;
    }

    /** True while the daemon runs. */
    public synchronized boolean running() {
        return daemon != null && daemon.isAlive();
    }

    /**
     * Adds a null sink called {@code name}; its monitor {@code name.monitor} is a capture source,
     * so what is played into the sink (see {@link #play}) is what a microphone on that source hears.
     *
     * @return the source's name ({@code name + ".monitor"})
     */
    public synchronized String addMicrophone(String name, int sampleRateHz, int channels) throws IOException {
        requireOk(run(List.of("pactl", "load-module", "module-null-sink", "sink_name=" + name,
                "rate=" + sampleRateHz, "channels=" + channels,
                "sink_properties=device.description=" + name)), "add the sink " + name);
        extraSinks.add(name);
        return name + ".monitor";
    }

    /** Makes {@code source} the default capture source (what ALSA's default capture device records). */
    public void setDefaultSource(String source) throws IOException {
        requireOk(run(List.of("pactl", "set-default-source", source)), "set the default source " + source);
    }

    /**
     * Plays raw signed 16-bit little-endian PCM into {@code sink} with {@code pacat}, at the
     * server's pace. The returned process ends when it has played everything.
     */
    public Process play(Path rawPcm, String sink, int sampleRateHz, int channels) throws IOException {
        return play(rawPcm, sink, sampleRateHz, channels, 20);
    }

    /**
     * The same with {@code pacat}'s buffer at {@code latencyMs}: a feed whose timing a test checks
     * wants a buffer that a loaded machine cannot run dry (an underrun inserts silence), e.g. 250 ms.
     */
    public Process play(Path rawPcm, String sink, int sampleRateHz, int channels, int latencyMs) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("pacat", "--playback", "-d", sink, "--format=s16le",
                "--rate=" + sampleRateHz, "--channels=" + channels, "--latency-msec=" + latencyMs, rawPcm.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        return pb.start();
    }

    /**
     * Starts recording what {@code sink} plays, from its monitor, as signed 16-bit stereo at
     * {@code sampleRateHz}, each block stamped with the time it arrived.
     */
    public MonitorRecording record(String sink, int sampleRateHz) throws IOException {
        return MonitorRecording.start(this, sink + ".monitor", sampleRateHz);
    }

    /** The sinks and sources as {@code pactl list short} prints them (for failure messages). */
    public String describe() throws IOException {
        return run(List.of("pactl", "list", "short", "sinks")).output
                + run(List.of("pactl", "list", "short", "sources")).output
                + run(List.of("pactl", "list", "short", "sink-inputs")).output;
    }

    /** Kills the daemon as a crash would (for device-lost tests). {@link #restart} brings it back. */
    public synchronized void kill() throws InterruptedException {
        if (keepAlive != null) {
            keepAlive.destroyForcibly();
            keepAlive = null;
        }
        if (daemon != null) {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the daemon again on the same socket, with the default output and no extra sinks. */
    public synchronized void restart() throws IOException, InterruptedException {
        kill();
        extraSinks.clear();
        Files.deleteIfExists(socket);
        launch();
    }

    /** Runs {@code cmd} against this server; its output and exit code. */
    public Result run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment);
        Process p = pb.start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void requireOk(Result r, String what) throws IOException {
        if (r.exitCode != 0) {
            throw new IOException("Could not " + what + ": " + r.output);
        }
    }

    /** A command's exit code and its output (stdout and stderr together). */
    public record Result(int exitCode, String output) {}

    @Override
    public synchronized void close() {
        if (keepAlive != null) {
            keepAlive.destroyForcibly();
        }
        if (daemon != null) {
            daemon.destroy();
            try {
                if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly();
                }
            } catch (InterruptedException e) {
                daemon.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(runtimeDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + runtimeDir, e);
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + socket, e);
        }
    }
}
