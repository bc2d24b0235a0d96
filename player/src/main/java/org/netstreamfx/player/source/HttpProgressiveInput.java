package org.netstreamfx.player.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.util.Redact;

/**
 * A progressive HTTP(S) download, the Flash model: the file downloads from the start into a
 * temporary file while playback reads what has arrived; a read past what has arrived waits for it.
 * TLS uses the JDK's default trust store and hostname checks: nothing is trusted silently.
 *
 * <p>Threads: one download thread per input ("nsfx-http-N"); reads happen on the demux thread.
 */
public final class HttpProgressiveInput implements RandomAccessInput {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final String displayName;
    private final Path tempFile;
    private final RandomAccessFile cache;
    private final Object lock = new Object();
    private final Thread downloader;
    private final InputStream body;

    // Guarded by lock.
    private long loaded;
    private boolean finished;
    private IOException failure;
    private boolean closed;
    private int waiting; // reads waiting for data
    private boolean woken; // the waiting reads are to end with ReadWokenException
    private final long total;

    private HttpProgressiveInput(String displayName, Path tempFile, RandomAccessFile cache,
                                 InputStream body, long total) {
        this.displayName = displayName;
        this.tempFile = tempFile;
        this.cache = cache;
        this.body = body;
        this.total = total;
        this.downloader = new Thread(this::download, "nsfx-http-" + THREAD_IDS.incrementAndGet());
        this.downloader.setDaemon(true);
    }

    /**
     * Sends the request and waits for the response headers. 404 and 410 are a
     * {@link StreamNotFoundException}; another status outside 2xx is an IOException naming it.
     */
    public static HttpProgressiveInput open(URI uri) throws IOException {
        String shown = Redact.url(uri.toString());
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).GET()
                .header("User-Agent", "NetStreamFX")
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while connecting to " + shown);
        } catch (IOException e) {
            throw new IOException("HTTP request to " + shown + " failed: " + e, e);
        }
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            response.body().close();
            throw new StreamNotFoundException("HTTP " + status + " for " + shown);
        }
        if (status < 200 || status > 299) {
            response.body().close();
            throw new IOException("HTTP " + status + " for " + shown);
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        if (total == 0) {
            response.body().close();
            throw new UnsupportedMediaException("The server sent an empty body (Content-Length: 0) for " + shown);
        }
        Path temp = Files.createTempFile("nsfx-http-", ".part");
        temp.toFile().deleteOnExit();
        HttpProgressiveInput input = new HttpProgressiveInput(shown, temp,
                new RandomAccessFile(temp.toFile(), "rw"), response.body(), total);
        input.downloader.start();
        return input;
    }

    // Called on the download thread.
    private void download() {
        byte[] buffer = new byte[COPY_BUFFER_BYTES];
        try (InputStream in = body) {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    cache.seek(loaded);
                    cache.write(buffer, 0, n);
                    loaded += n;
                    lock.notifyAll();
                }
            }
            synchronized (lock) {
                if (total >= 0 && loaded < total) {
                    failure = new IOException("The HTTP download of " + displayName + " ended at byte "
                            + loaded + " of the " + total + " announced by Content-Length");
                }
                finished = true;
                lock.notifyAll();
            }
        } catch (IOException e) {
            synchronized (lock) {
                if (!closed) {
                    failure = new IOException("The HTTP download of " + displayName + " failed at byte "
                            + loaded + ": " + e.getMessage(), e);
                }
                finished = true;
                lock.notifyAll();
            }
        }
    }

    // Called on the demux thread.
    @Override
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        synchronized (lock) {
            while (!closed && position >= loaded && !finished) {
                waiting++;
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("Interrupted while waiting for " + displayName);
                } finally {
                    waiting--;
                }
                if (woken) {
                    woken = waiting > 0;
                    throw new ReadWokenException(displayName);
                }
            }
            if (closed) {
                throw new IOException("closed");
            }
            if (position >= loaded) {
                if (failure != null) {
                    throw failure;
                }
                return -1;
            }
            int n = (int) Math.min(len, loaded - position);
            cache.seek(position);
            cache.readFully(dst, off, n);
            return n;
        }
    }

    @Override
    public void wake() {
        synchronized (lock) {
            if (waiting > 0) {
                woken = true;
                lock.notifyAll();
            }
        }
    }

    @Override
    public long size() {
        return total;
    }

    @Override
    public long bytesLoaded() {
        synchronized (lock) {
            return loaded;
        }
    }

    /** True once the whole body has arrived (or the download stopped). */
    public boolean finished() {
        synchronized (lock) {
            return finished;
        }
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            lock.notifyAll();
        }
        downloader.interrupt();
        try {
            body.close();
        } finally {
            synchronized (lock) {
                cache.close();
            }
            Files.deleteIfExists(tempFile);
        }
    }
}
