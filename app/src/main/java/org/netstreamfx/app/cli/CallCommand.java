package org.netstreamfx.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.netstreamfx.player.net.NetConnection;
import org.netstreamfx.player.net.NetStatusCode;
import org.netstreamfx.player.net.Responder;
import org.netstreamfx.player.rtmp.client.RtmpOptions;
import org.netstreamfx.player.rtmp.client.RtmpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nsfx call rtmp://host/app method [json-args]}: connects, calls {@code method} with the
 * arguments (each a JSON value), prints {@code {"type":"result","data":…}} or
 * {@code {"type":"error","data":{info}}} as one JSON line, exit 0 or 1. Connection events print
 * as status lines before it; 2 on bad arguments.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Call a method on an RTMP server application and print the result or error as JSON.")
public final class CallCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<rtmp-url>", description = "rtmp[s]://host[:port]/app[/instance]")
    String address;

    @Parameters(index = "1", paramLabel = "<method>", description = "The server-side method.")
    String method;

    @Parameters(index = "2..*", paramLabel = "<json-arg>", description = "Arguments, each a JSON value: 1, \"s\", {\"a\":1}.")
    List<String> jsonArgs = new ArrayList<>();

    @Option(names = "--trust-cert", paramLabel = "FILE", description = "rtmps: trust this one certificate (PEM or DER).")
    Path trustCert;

    @Option(names = "--timeout", paramLabel = "S", description = "Give up after S seconds (default 20).")
    double timeoutSeconds = 20;

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        List<Object> args = new ArrayList<>();
        for (String a : jsonArgs) {
            try {
                args.add(json.readValue(a, Object.class));
            } catch (JsonProcessingException e) {
                System.err.println("nsfx call: argument is not JSON: " + a);
                return 2;
            }
        }
        if (!RtmpUrl.isRtmp(address) || !(timeoutSeconds > 0)) {
            System.err.println("nsfx call: needs an rtmp:// or rtmps:// address and a --timeout above 0");
            return 2;
        }
        ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nsfx-cli-events");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        EventPrinter printer = new EventPrinter(System.out, EventFormat.jsonl, start);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger exit = new AtomicInteger(1);
        NetConnection nc = new NetConnection(callbacks);
        try {
            nc.setRtmpOptions(RtmpOptions.DEFAULTS.withTrustedCertificate(trustCert));
            nc.addNetStatusListener(e -> {
                printer.status(e);
                if (e.is(NetStatusCode.NETCONNECTION_CONNECT_SUCCESS)) {
                    nc.call(method, new Responder(result -> {
                        printer.object(line("result", result));
                        exit.set(0);
                        done.countDown();
                    }, info -> {
                        printer.object(line("error", info));
                        done.countDown();
                    }), args.toArray());
                } else if (e.isError() || e.is(NetStatusCode.NETCONNECTION_CONNECT_CLOSED)) {
                    done.countDown();
                }
            });
            nc.connect(address);
            if (!done.await(Math.round(timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", NetStatusCode.NETCONNECTION_CALL_FAILED.code());
                m.put("level", "error");
                m.put("description", "No answer to " + method + " within " + timeoutSeconds + " s.");
                callbacks.submit(() -> printer.object(line("error", m))).get(5, TimeUnit.SECONDS);
                return 1;
            }
            return exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            System.err.println("nsfx call: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        } finally {
            nc.close();
            callbacks.shutdown();
        }
    }

    private Map<String, Object> line(String type, Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("method", method);
        m.put("data", data);
        return m;
    }
}
