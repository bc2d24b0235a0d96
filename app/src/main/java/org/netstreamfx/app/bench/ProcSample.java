package org.netstreamfx.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One reading of another process's CPU time and memory from /proc (Linux): user + system time
 * from {@code /proc/PID/stat}, resident size ({@code VmRSS}) and its peak ({@code VmHWM}) from
 * {@code /proc/PID/status}.
 *
 * @param cpuSeconds user + system CPU time so far
 * @param rssMb      resident set size now, MB
 * @param peakRssMb  the largest resident set size so far, MB
 */
record ProcSample(double cpuSeconds, double rssMb, double peakRssMb) {
    /** The unit of /proc/PID/stat's times: USER_HZ, 100 on every Linux (part of the kernel's ABI). */
    private static final double TICKS_PER_SECOND = 100;
    /** utime and stime: fields 14 and 15 of /proc/PID/stat, 12 and 13 after the ")" ending the name. */
    private static final int UTIME_AFTER_NAME = 11;
    private static final int STIME_AFTER_NAME = 12;
    /** A /proc file larger than this is not what we expect to read. */
    private static final long MAX_PROC_FILE_BYTES = 64 * 1024;

    /** Reads process {@code pid}; null when it has ended (its /proc entry is gone). */
    static ProcSample read(long pid) throws IOException {
        Path dir = Path.of("/proc", Long.toString(pid));
        try {
            String stat = small(dir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            if (f.length <= STIME_AFTER_NAME) {
                throw new IOException("short /proc/" + pid + "/stat: " + stat);
            }
            double cpu = (Long.parseLong(f[UTIME_AFTER_NAME]) + Long.parseLong(f[STIME_AFTER_NAME])) / TICKS_PER_SECOND;
            double rss = -1;
            double hwm = -1;
            for (String line : small(dir.resolve("status")).split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    rss = kbToMb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kbToMb(line);
                }
            }
            if (rss < 0 || hwm < 0) {
                return null; // a zombie: no memory left to read
            }
            return new ProcSample(cpu, rss, hwm);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String small(Path file) throws IOException {
        String s = Files.readString(file);
        if (s.length() > MAX_PROC_FILE_BYTES) {
            throw new IOException(file + " holds " + s.length() + " characters, more than " + MAX_PROC_FILE_BYTES);
        }
        return s;
    }

    private static double kbToMb(String line) {
        return Long.parseLong(line.substring(line.indexOf(':') + 1).trim().split("\\s+")[0]) / 1024.0;
    }
}
