package org.netstreamfx.e2e.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.netstreamfx.e2e.fixtures.Fixtures;

/**
 * Issue 16: {@code scripts/package} builds the app image (tar.gz) and the {@code .deb} once, from
 * what this Maven build has just packaged; the {@code .deb} installs with apt-get, and the installed
 * command runs with no JDK or Maven on the PATH ({@code --version}, {@code probe}, {@code play}, and
 * {@code probe} as the unprivileged user nobody with an empty home, where JavaCPP extracts the
 * natives), the desktop entry and icon are in place, the window opens under Xvfb, and removing the
 * package leaves nothing in /opt or /usr/bin. Prints the sizes that the README and
 * docs/PERFORMANCE.md quote. Needs root (or sudo), dpkg-deb, fakeroot and xvfb-run: a missing one fails.
 */
@ResourceLock(value = Resources.SYSTEM_OUT, mode = ResourceAccessMode.READ)
class DebInstallTest {
    /** Where the package installs, and its command on the PATH. */
    private static final Path INSTALL_DIR = Path.of("/opt/netstreamfx");
    private static final Path COMMAND_LINK = Path.of("/usr/bin/nsfx");
    private static final Path LAUNCHER = INSTALL_DIR.resolve("bin/nsfx");
    private static final Path ICON = INSTALL_DIR.resolve("lib/app/netstreamfx.png");
    private static final Path DESKTOP_ENTRY = Path.of("/usr/share/applications/netstreamfx.desktop");
    private static final Path INSTALLED_DEMO = INSTALL_DIR.resolve("lib/app/resources/demo/demo.mp4");
    private static final Path LICENCES = INSTALL_DIR.resolve("lib/app/THIRD-PARTY-LICENSES.txt");
    /** The target for the installed tree of the default (LGPL) build. */
    private static final long MAX_INSTALLED_BYTES = 150L * 1024 * 1024;
    private static final long PACKAGE_TIMEOUT_S = 300;
    private static final long APT_TIMEOUT_S = 180;
    private static final long RUN_TIMEOUT_S = 120;
    private static final double MB = 1024.0 * 1024.0;
    /**
     * dpkg-deb's compression for the test's package: gzip -1 takes seconds where the default xz
     * takes minutes on 2 cores (scripts/package alone keeps xz; the README quotes both sizes).
     */
    private static final Map<String, String> FAST_DEB = Map.of("DPKG_DEB_COMPRESSOR_TYPE", "gzip",
            "DPKG_DEB_COMPRESSOR_LEVEL", "1");

    private record Run(int exit, String stdout, String stderr) {
        String all() {
            return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    @Test
    void theDebInstallsRunsWithoutAJdkAndUninstallsCleanly(@TempDir Path dir) throws Exception {
        Path root = Fixtures.repoRoot();
        Path out = dir.resolve("package");
        Run packaged = run(List.of(root.resolve("scripts/package").toString(), "--skip-build", "--type", "tar.gz",
                "--type", "deb", "--out", out.toString()), FAST_DEB, dir.resolve("package-log"), PACKAGE_TIMEOUT_S);
        assertEquals(0, packaged.exit(), "scripts/package failed:\n" + packaged.all());
        Path deb = only(out, ".deb");
        Path tarball = only(out, ".tar.gz");

        Run install = asRoot(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends",
                deb.toString()), dir.resolve("install-log"));
        assertEquals(0, install.exit(), "apt-get install failed:\n" + install.all());
        try {
            long installed = treeBytes(INSTALL_DIR);
            System.out.printf("DebInstallTest sizes: .deb %.1f MB (gzip -1), tar.gz %.1f MB, installed %s %.1f MB%n",
                    Files.size(deb) / MB, Files.size(tarball) / MB, INSTALL_DIR, installed / MB);
            assertTrue(installed < MAX_INSTALLED_BYTES, "installed tree " + installed + " bytes, over the 150 MB target");
            checkInstalledFiles();
            checkCommands(root, dir);
            checkWindow(root, dir);
        } finally {
            Run remove = asRoot(List.of("apt-get", "remove", "-y", "-q", "netstreamfx"), dir.resolve("remove-log"));
            assertEquals(0, remove.exit(), "apt-get remove failed:\n" + remove.all());
        }
        assertFalse(Files.exists(INSTALL_DIR), INSTALL_DIR + " is left after apt-get remove");
        assertFalse(Files.exists(COMMAND_LINK, java.nio.file.LinkOption.NOFOLLOW_LINKS),
                COMMAND_LINK + " is left after apt-get remove");
        assertFalse(Files.exists(DESKTOP_ENTRY), DESKTOP_ENTRY + " is left after apt-get remove");
    }

    private static void checkInstalledFiles() throws IOException {
        assertTrue(Files.isSymbolicLink(COMMAND_LINK), COMMAND_LINK + " is not a link");
        assertEquals(LAUNCHER, Files.readSymbolicLink(COMMAND_LINK));
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not executable");
        assertTrue(Files.size(ICON) > 0, "no icon at " + ICON);
        String entry = Files.readString(DESKTOP_ENTRY, StandardCharsets.UTF_8);
        assertTrue(entry.contains("Exec=" + LAUNCHER), entry);
        assertTrue(entry.contains("Icon=" + ICON), entry);
        assertTrue(entry.contains("Name=NetStreamFX"), entry);
        String licences = Files.readString(LICENCES, StandardCharsets.UTF_8);
        assertTrue(licences.contains("FFmpeg") && licences.contains("LGPL") && licences.contains("-Pgpl"), licences);
        try (Stream<Path> runtime = Files.list(INSTALL_DIR.resolve("lib/runtime/bin"))) {
            assertTrue(runtime.noneMatch(p -> p.getFileName().toString().equals("javac")), "a full JDK was installed");
        }
    }

    /** The installed command, with a PATH that holds nothing but it: no java, javac or mvn. */
    private static void checkCommands(Path root, Path dir) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path nsfx = Files.createSymbolicLink(bin.resolve("nsfx"), COMMAND_LINK);
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.resolve("home").toString());

        Run version = run(List.of(nsfx.toString(), "--version"), env, dir.resolve("version"), RUN_TIMEOUT_S);
        assertEquals(0, version.exit(), version.all());
        assertTrue(version.stdout().contains("NetStreamFX ") && version.stdout().contains("FFmpeg 8.")
                && version.stdout().contains("FFmpeg licence: LGPL") && version.stdout().contains("JavaFX 21")
                && version.stdout().contains("Java 17"), version.all());

        String demo = root.resolve("resources/demo/demo.mp4").toString();
        Run probe = run(List.of(nsfx.toString(), "probe", demo), env, dir.resolve("probe"), RUN_TIMEOUT_S);
        assertEquals(0, probe.exit(), probe.all());
        assertTrue(probe.stdout().contains("\"duration"), probe.all());

        Run play = run(List.of(nsfx.toString(), "play", demo, "--duration", "1", "--no-audio"), env,
                dir.resolve("play"), RUN_TIMEOUT_S);
        assertEquals(0, play.exit(), play.all());
        assertTrue(play.stdout().contains("NetStream.Play.Start"), play.all());

        // An unprivileged user with an empty home of its own (the JVM takes user.home from the
        // passwd entry, /nonexistent for nobody, hence -Duser.home): JavaCPP extracts the natives there.
        Path home = Files.createTempDirectory("nsfx-nobody-home");
        try {
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
            Run asNobody = run(List.of("runuser", "-u", "nobody", "--", "env", "HOME=" + home, "PATH=" + bin,
                    "JAVA_TOOL_OPTIONS=-Duser.home=" + home, COMMAND_LINK.toString(), "probe",
                    INSTALLED_DEMO.toString()), Map.of(), dir.resolve("nobody"), RUN_TIMEOUT_S);
            assertEquals(0, asNobody.exit(), asNobody.all());
            assertTrue(asNobody.stdout().contains("\"duration"), asNobody.all());
            assertTrue(Files.isDirectory(home.resolve(".javacpp/cache")), "no JavaCPP cache in the user's home");
        } finally {
            deleteTree(home);
        }
    }

    /** The installed launcher opens every view under Xvfb, as LauncherModulePathTest checks ./nsfx. */
    private static void checkWindow(Path root, Path dir) throws IOException, InterruptedException {
        Path shots = Files.createDirectories(dir.resolve("shots"));
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString(),
                "XDG_CONFIG_HOME", dir.resolve("config").toString());
        Run gui = run(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp", COMMAND_LINK.toString(),
                "gui", "--screenshot", shots.toString(), "--screenshot-frames", "25",
                root.resolve("resources/demo/demo.mp4").toString()), env, dir.resolve("gui"), RUN_TIMEOUT_S);
        // Exit 1 only says the publisher went without its loopback picture (no nginx-rtmp, or a loaded machine).
        assertTrue(gui.exit() == 0 || gui.exit() == 1 && gui.stderr().contains("the publisher was not on air"),
                gui.all());
        assertFalse(gui.stderr().contains("Unsupported JavaFX configuration"), gui.all());
        assertTrue(Files.isRegularFile(shots.resolve("player.png")), "no player window:\n" + gui.all());
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "expected one " + suffix + " in " + dir + ": " + found);
            return found.get(0);
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long treeBytes(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** apt-get as root: directly when the test runs as root (CI does), else through sudo. */
    private static Run asRoot(List<String> command, Path logs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("sudo", "-n"));
        }
        cmd.addAll(command);
        return run(cmd, Map.of("DEBIAN_FRONTEND", "noninteractive"), logs, APT_TIMEOUT_S);
    }

    private static Run run(List<String> command, Map<String, String> env, Path logs, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(logs);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("NSFX_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = logs.resolve("stdout.txt");
        Path err = logs.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds
                    + " s; stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
