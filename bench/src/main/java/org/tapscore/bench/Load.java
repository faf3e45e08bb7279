package org.tapscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one bounded load phase in a separate {@link LoadGenerator} process and reads its JSON result.
 *
 * <pre>{@code
 * Load.Result peak = Load.closed(server.url("/embed/demo"), 32, 5, 1).run();
 * }</pre>
 */
public final class Load {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> args = new ArrayList<>();
    private final double seconds;

    private Load(String url, double seconds) {
        this.seconds = seconds;
        args.add("url=" + url);
        args.add("seconds=" + seconds);
    }

    /** Closed loop: {@code concurrency} clients back to back, after {@code warmup} seconds not counted. */
    public static Load closed(String url, int concurrency, double seconds, double warmup) {
        Load load = new Load(url, seconds);
        load.args.add("mode=closed");
        load.args.add("concurrency=" + concurrency);
        load.args.add("warmup=" + warmup);
        return load;
    }

    /** Open loop: a fixed arrival rate. */
    public static Load open(String url, double rate, double seconds) {
        Load load = new Load(url, seconds);
        load.args.add("mode=open");
        load.args.add("rate=" + rate);
        return load;
    }

    /** Every request posts a new answer to {@code campaign} with the key {@code prefix-n}. */
    public Load answers(String campaign, String prefix) {
        args.add("answers=" + campaign + ":" + prefix);
        return this;
    }

    public Load max(long requests) {
        args.add("max=" + requests);
        return this;
    }

    public Result run() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadGenerator.class.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // The generator bounds itself; this is only a guard against a hung child.
        long limit = (long) (seconds + 120);
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("load generator hung");
        }
        String text = new String(out, StandardCharsets.UTF_8).trim();
        String last = text.substring(text.lastIndexOf('\n') + 1);
        JsonNode n = JSON.readTree(last);
        return new Result(n.get("ok").asLong(), n.get("errors").asLong(), n.get("seconds").asDouble(),
                n.get("throughput").asDouble(), n.get("p50Ms").asDouble(), n.get("p90Ms").asDouble(),
                n.get("p99Ms").asDouble(), n.get("maxMs").asDouble(), n.get("statuses").toString(),
                n.get("firstError").isNull() ? null : n.get("firstError").asText());
    }

    /** What one phase achieved: successful requests per second and latency percentiles (ms). */
    public record Result(long ok, long errors, double seconds, double throughput, double p50Ms, double p90Ms,
                         double p99Ms, double maxMs, String statuses, String firstError) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,.0f/s ok=%d errors=%d p50=%.1fms p99=%.1fms %s%s",
                    throughput, ok, errors, p50Ms, p99Ms, statuses, firstError == null ? "" : " first error: " + firstError);
        }
    }
}
