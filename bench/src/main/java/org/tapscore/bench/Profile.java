package org.tapscore.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JFR recording of the server during one phase ({@code jcmd <pid> JFR.start/JFR.dump}), summarised as the top
 * frames of {@code jdk.ExecutionSample}: where the server's CPU went.
 *
 * <pre>{@code
 * Profile.start(server.pid());
 * // … load …
 * String top = Profile.stopAndSummarise(server.pid(), dir.resolve("recording.jfr"), 15);
 * }</pre>
 */
public final class Profile {
    private Profile() {
    }

    public static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
    }

    public static String stopAndSummarise(long pid, Path file, int top) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> ownCode = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            topFrames.merge(name(frames.getFirst()), 1, Integer::sum);
            for (RecordedFrame f : frames) {
                if (f.getMethod().getType().getName().startsWith("org.tapscore")) {
                    ownCode.merge(name(f), 1, Integer::sum);
                    break;
                }
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%,d execution samples (%s).%n%n", samples, file.getFileName()));
        md.append("| Top frame | samples | share |\n| --- | ---: | ---: |\n");
        append(md, topFrames, samples, top);
        md.append("\n| Innermost Tapscore frame on the stack | samples | share |\n| --- | ---: | ---: |\n");
        append(md, ownCode, samples, top);
        return md.toString();
    }

    private static void append(StringBuilder md, Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f %% |%n", e.getKey(),
                        e.getValue(), 100.0 * e.getValue() / Math.max(1, samples))));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }
}
